import "server-only";
import { db } from "@/lib/db/client";
import type { RuleDefinition } from "@/lib/detect/types";
import { ruleDefinitionsOf } from "@/lib/rules/rule-definitions";

/** The installation's enabled content rules (watch-list AUTHOR rules judge authors, not text, and are left out). */
export async function loadStoredRuleDefinitions(): Promise<RuleDefinition[]> {
  return ruleDefinitionsOf(await db.rule.findMany({ where: { enabled: true, deletedAt: null }, orderBy: { id: "asc" } }));
}
