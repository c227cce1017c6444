import { createHash } from "node:crypto";
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, entry]) => entry !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${stableJson(entry)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * What decides which comments a rule flags (kind, category, config), hashed: corpus figures
 * recorded under one fingerprint are stale once it changes. Key order does not matter (Postgres
 * jsonb reorders keys); severity and action do not change what a rule flags and are left out.
 */
export function ruleFingerprint(rule: { kind: string; category: string; config: unknown }): string {
  return createHash("sha256").update(stableJson({ kind: rule.kind, category: rule.category, config: rule.config })).digest("hex").slice(0, 16);
}
