import "server-only";
import { withPgTransaction } from "@/lib/db/pg-pool";
import { insertCommentFlags, recordAutoHide } from "@/lib/import/write-comment-chunk";
import { flagCategoriesLiteral } from "@/lib/detect/flag-categories";
import { flagOutcome } from "@/lib/detect/flag-outcome";
import { keptExternalFlags } from "@/lib/external-classifier/kept-external-flags";
import { loadCommentBatch, type ArticleTextCache } from "./load-comment-batch";
import type { CommentContext, FlagResult } from "@/lib/detect/types";
import type { PoolClient } from "pg";

export type Evaluate = (context: CommentContext) => FlagResult[];

const NOW = `(now() AT TIME ZONE 'UTC')`;

/**
 * One step of a re-run, in one transaction: the next batch of comments after the pass's
 * lastCommentId gets its flags replaced, its priority and held mark recomputed, AUTO_HIDE applied
 * to those still PENDING (a system decision, as on import); moderators' decisions stand. The
 * progress row moves in the same transaction, so a step is done entirely or not at all, and a
 * worker that dies between steps leaves a pass that resumes exactly where it stopped.
 */
export async function rerunRulesBatch(rerunId: number, evaluate: Evaluate, options: { batchSize: number; articles: ArticleTextCache }): Promise<{ done: boolean; processed: number }> {
  return withPgTransaction(async (client) => {
    // Locks the pass: two workers on one pass (a retried job beside a live one) take turns.
    const { rows } = await client.query<{ status: string; lastCommentId: number; maxCommentId: number; pendingOnly: boolean }>(
      `SELECT status, "lastCommentId", "maxCommentId", "pendingOnly" FROM rule_rerun WHERE id = $1 FOR UPDATE`,
      [rerunId],
    );
    const rerun = rows[0];
    if (!rerun || rerun.status === "COMPLETED" || rerun.status === "FAILED") return { done: true, processed: 0 };
    const batch = await loadCommentBatch(client, { afterId: rerun.lastCommentId, maxId: rerun.maxCommentId, limit: options.batchSize, lockRows: true, pendingOnly: rerun.pendingOnly, articles: options.articles });
    const external = await keptExternalFlags(client, batch.map((comment) => comment.id));
    const outcomes = batch.map((comment) => {
      const flags = [...evaluate(comment.context), ...(external.get(comment.id) ?? [])];
      const outcome = flagOutcome(flags);
      return { commentId: comment.id, flags, ...outcome, autoHide: outcome.autoHide && comment.status === "PENDING" };
    });
    const ids = outcomes.map((outcome) => outcome.commentId);
    if (ids.length > 0) {
      await withdrawFlagsNotReproduced(client, ids, outcomes);
      await client.query(`DELETE FROM flag WHERE "commentId" = ANY($1::int[])`, [ids]);
      await insertCommentFlags(client, outcomes.filter((outcome) => outcome.flags.length > 0));
      await client.query(
        // flagCategories moves with the flags (the queue's category filter reads it, not flag).
        // Readers' reports keep their part of the priority (reportPriority, lib/reports) across re-runs.
        `UPDATE comment c SET priority = v.priority + c."reportPriority", "isHeld" = v.held, "flagCategories" = v.categories::"RuleCategory"[]
         FROM unnest($1::int[], $2::int[], $3::bool[], $4::text[]) AS v(id, priority, held, categories)
         WHERE c.id = v.id AND (c.priority <> v.priority + c."reportPriority" OR c."isHeld" <> v.held OR c."flagCategories" IS DISTINCT FROM v.categories::"RuleCategory"[])`,
        [ids, outcomes.map((outcome) => outcome.priority), outcomes.map((outcome) => outcome.isHeld), outcomes.map((outcome) => flagCategoriesLiteral(outcome.flags))],
      );
      for (const outcome of outcomes) if (outcome.autoHide) await recordAutoHide(client, outcome.commentId, outcome.flags);
    }
    const done = batch.length < options.batchSize || (ids.at(-1) ?? 0) >= rerun.maxCommentId;
    await client.query(
      `UPDATE rule_rerun SET "lastCommentId" = GREATEST("lastCommentId", $2), processed = processed + $3,
         flagged = flagged + $4, "autoHidden" = "autoHidden" + $5, error = NULL,
         status = CASE WHEN $6 THEN 'COMPLETED'::"RuleRerunStatus" ELSE 'RUNNING'::"RuleRerunStatus" END,
         "startedAt" = COALESCE("startedAt", ${NOW}), "finishedAt" = CASE WHEN $6 THEN ${NOW} ELSE NULL END
       WHERE id = $1`,
      [rerunId, ids.at(-1) ?? rerun.lastCommentId, ids.length, outcomes.filter((o) => o.flags.length > 0).length, outcomes.filter((o) => o.autoHide).length, done],
    );
    return { done, processed: ids.length };
  });
}

/**
 * Flags the rules no longer produce (rule disabled, deleted, or edited so it no longer matches)
 * move to withdrawn_flag with the time: out of the queue, still in the comment's history. Flags a
 * rule produces again are simply replaced (the new version's evidence).
 */
async function withdrawFlagsNotReproduced(client: PoolClient, ids: number[], outcomes: { commentId: number; flags: FlagResult[] }[]): Promise<void> {
  const kept = outcomes.flatMap((outcome) => outcome.flags.map((flag) => [outcome.commentId, Number(flag.ruleId)] as const));
  await client.query(
    `WITH gone AS (
       DELETE FROM flag f WHERE f."commentId" = ANY($1::int[])
         AND NOT EXISTS (SELECT 1 FROM unnest($2::int[], $3::int[]) AS k(comment_id, rule_id) WHERE k.comment_id = f."commentId" AND k.rule_id = f."ruleId")
       RETURNING f."commentId", f."ruleId", f."ruleVersion", f.category, f.score, f.spans, f.reason, f."createdAt")
     INSERT INTO withdrawn_flag ("commentId", "ruleId", "ruleVersion", category, score, spans, reason, "createdAt", "withdrawnAt")
     SELECT "commentId", "ruleId", "ruleVersion", category, score, spans, reason, "createdAt", ${NOW} FROM gone`,
    [ids, kept.map(([commentId]) => commentId), kept.map(([, ruleId]) => ruleId)],
  );
}
