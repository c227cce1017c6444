import "server-only";
import { db } from "@/lib/db/client";
import { RULE_KINDS, type RuleDefinition, type RuleKind } from "@/lib/detect/types";

const ENGINE_KINDS = new Set<string>(RULE_KINDS);

/** The installation's enabled content rules (watch-list AUTHOR rules judge authors, not text, and are left out). */
export async function loadStoredRuleDefinitions(): Promise<RuleDefinition[]> {
  const rows = await db.rule.findMany({ where: { enabled: true, deletedAt: null }, orderBy: { id: "asc" } });
  return rows
    .filter((row) => ENGINE_KINDS.has(row.kind))
    .map((row) => ({
      id: String(row.id),
      name: row.name,
      description: row.description ?? undefined,
      category: row.category,
      kind: row.kind as RuleKind,
      config: row.config,
      severity: row.severity,
      action: row.action,
      enabled: row.enabled,
      version: row.version,
    }));
}
