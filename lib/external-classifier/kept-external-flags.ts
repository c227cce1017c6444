import "server-only";
import type { PoolClient } from "pg";
import type { FlagResult, RuleAction, RuleCategory, Span } from "@/lib/detect/types";

/**
 * The flags enabled EXTERNAL rules put on these comments. A rule re-run replaces a comment's
 * flags with what the engine finds, and the engine never runs EXTERNAL rules: the re-run keeps
 * these (with the rule's current action and severity) instead of withdrawing them.
 */
export async function keptExternalFlags(client: PoolClient, commentIds: number[]): Promise<Map<number, FlagResult[]>> {
  const kept = new Map<number, FlagResult[]>();
  if (commentIds.length === 0) return kept;
  const { rows } = await client.query<{ commentId: number; ruleId: number; ruleVersion: number; name: string; category: RuleCategory; action: RuleAction; severity: number; score: number; spans: Span[]; reason: string }>(
    `SELECT f."commentId", f."ruleId", f."ruleVersion", r.name, f.category, r.action, r.severity, f.score, f.spans, f.reason
     FROM flag f JOIN rule r ON r.id = f."ruleId"
     WHERE f."commentId" = ANY($1::int[]) AND r.kind = 'EXTERNAL' AND r.enabled AND r."deletedAt" IS NULL
     ORDER BY f.id`,
    [commentIds],
  );
  for (const row of rows) {
    const flag: FlagResult = { ruleId: String(row.ruleId), ruleVersion: row.ruleVersion, ruleName: row.name, category: row.category, action: row.action, severity: row.severity, score: row.score, spans: row.spans, reason: row.reason };
    kept.set(row.commentId, [...(kept.get(row.commentId) ?? []), flag]);
  }
  return kept;
}
