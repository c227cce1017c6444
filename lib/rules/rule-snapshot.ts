import type { RuleAction, RuleCategory } from "@/lib/detect/types";

// What a rule looked like at one version: stored in RuleVersion.snapshot and in the before/after
// of its audit events, so every flag's (ruleId, ruleVersion) can be explained later.

export interface RuleSnapshot {
  name: string;
  description: string | null;
  category: RuleCategory;
  /** RuleKind, or a kind the engine does not run (AUTHOR watch lists). */
  kind: string;
  config: unknown;
  severity: number;
  action: RuleAction;
  enabled: boolean;
  deleted: boolean;
}

export const SNAPSHOT_FIELDS = ["name", "description", "category", "kind", "config", "severity", "action", "enabled", "deleted"] as const;

export function ruleSnapshot(row: Omit<RuleSnapshot, "deleted"> & { deletedAt: Date | null }): RuleSnapshot {
  return {
    name: row.name,
    description: row.description,
    category: row.category,
    kind: row.kind,
    config: row.config,
    severity: row.severity,
    action: row.action,
    enabled: row.enabled,
    deleted: row.deletedAt !== null,
  };
}

/** JSON with object keys sorted: Postgres jsonb does not keep key order. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The fields that differ (all of them for a new rule). */
export function changedFields(before: RuleSnapshot | null, after: RuleSnapshot): string[] {
  return SNAPSHOT_FIELDS.filter((field) => before === null || stableJson(before[field]) !== stableJson(after[field]));
}
