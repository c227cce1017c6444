import { RULE_KINDS, type RuleDefinition, type RuleKind } from "@/lib/detect/types";
import type { Rule } from "@/lib/generated/prisma/client";

const ENGINE_KINDS = new Set<string>(RULE_KINDS);

/**
 * Stored rules as the engine takes them. Watch-list (AUTHOR) rules match on who wrote a comment,
 * not what it says, so they are left out here (load-rule-evaluator.ts adds them as author flags).
 */
export function ruleDefinitionsOf(rows: readonly Rule[]): RuleDefinition[] {
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
