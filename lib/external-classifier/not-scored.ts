import "server-only";
import { db } from "@/lib/db/client";
import type { NotScored } from "@/lib/moderation/queue-item";

/** Per comment of a page, the EXTERNAL rules that have not scored it yet (one indexed lookup by primary key). */
export async function notScoredFor(commentIds: number[]): Promise<Map<number, NotScored[]>> {
  const byComment = new Map<number, NotScored[]>();
  if (commentIds.length === 0) return byComment;
  const rows = await db.$queryRaw<{ commentId: number; ruleName: string; attempts: number; lastError: string | null }[]>`
    SELECT p."commentId", r.name AS "ruleName", p.attempts, p."lastError"
    FROM external_score_pending p JOIN rule r ON r.id = p."ruleId"
    WHERE p."commentId" = ANY(${commentIds}::int[]) AND r.enabled AND r."deletedAt" IS NULL
    ORDER BY p."commentId", r.id`;
  for (const row of rows) byComment.set(row.commentId, [...(byComment.get(row.commentId) ?? []), { ruleName: row.ruleName, attempts: row.attempts, lastError: row.lastError }]);
  return byComment;
}
