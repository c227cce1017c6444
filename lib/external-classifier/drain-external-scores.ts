import "server-only";
import { getPgPool } from "@/lib/db/pg-pool";
import { EXTERNAL_BATCH_SIZE } from "@/lib/detect/external-answer";
import { retryDelaySeconds } from "@/lib/webhooks/backoff";
import { loadExternalRules, type ExternalRule } from "./external-rules";
import { scoreBatch } from "./score-batch";
import { writeExternalFlags } from "./write-external-flags";
import { storableText } from "@/lib/validation/well-formed-text";

const NOW = `(now() AT TIME ZONE 'UTC')`;
/** After the last of the webhook schedule's retries (about a day), a comment is tried again this often. */
const SLOW_RETRY_SECONDS = 28_800;

export interface DrainSummary {
  scored: number;
  flagged: number;
  failedBatches: number;
  /** The last failure per rule name, for the log. */
  errors: Record<string, string>;
}

/**
 * Scores the due "not scored" comments, rule by rule, a batch per request, until none is due or the
 * time budget is spent. A batch is claimed first (its rows pushed past the timeout, outside any
 * transaction), so no transaction waits on an endpoint and two workers never send the same batch.
 * A failed batch waits per the webhook backoff; the rule's other comments wait for the next tick
 * (an endpoint that is down is not asked again at once for every batch).
 */
export async function drainExternalScores(options: { timeBudgetMs?: number; ruleId?: number } = {}): Promise<DrainSummary> {
  const deadline = Date.now() + (options.timeBudgetMs ?? 30_000);
  const summary: DrainSummary = { scored: 0, flagged: 0, failedBatches: 0, errors: {} };
  // Rows of deleted comments, of rules deleted, disabled or no longer EXTERNAL: nothing to score.
  await getPgPool().query(
    `DELETE FROM external_score_pending p WHERE NOT EXISTS (SELECT 1 FROM rule r WHERE r.id = p."ruleId" AND r.kind = 'EXTERNAL' AND r.enabled AND r."deletedAt" IS NULL)
       OR NOT EXISTS (SELECT 1 FROM comment c WHERE c.id = p."commentId")`,
  );
  const rules = (await loadExternalRules()).filter((rule) => options.ruleId === undefined || Number(rule.id) === options.ruleId);
  for (const rule of rules) {
    while (Date.now() < deadline) {
      const outcome = await scoreNextBatch(rule);
      if (outcome === "idle") break;
      if (outcome.ok) {
        summary.scored += outcome.scored;
        summary.flagged += outcome.flagged;
        continue;
      }
      summary.failedBatches += 1;
      summary.errors[rule.name] = outcome.message;
      break;
    }
  }
  return summary;
}

async function scoreNextBatch(rule: ExternalRule): Promise<"idle" | { ok: true; scored: number; flagged: number } | { ok: false; message: string }> {
  const ruleId = Number(rule.id);
  const pool = getPgPool();
  const leaseSeconds = Math.ceil(rule.config.timeoutMs / 1000) + 60;
  const { rows } = await pool.query<{ commentId: number; attempts: number; body: string }>(
    `WITH due AS (
       SELECT "commentId" FROM external_score_pending WHERE "ruleId" = $1 AND "nextAttemptAt" <= ${NOW}
       ORDER BY "nextAttemptAt", "commentId" LIMIT $2 FOR UPDATE SKIP LOCKED)
     UPDATE external_score_pending p SET "nextAttemptAt" = ${NOW} + make_interval(secs => $3)
     FROM due JOIN comment c ON c.id = due."commentId"
     WHERE p."ruleId" = $1 AND p."commentId" = due."commentId"
     RETURNING p."commentId", p.attempts, c.body`,
    [ruleId, EXTERNAL_BATCH_SIZE, leaseSeconds],
  );
  if (rows.length === 0) return "idle";
  const result = await scoreBatch(rule, rows.map((row) => ({ id: String(row.commentId), text: row.body })));
  if (result.ok) {
    const written = await writeExternalFlags(ruleId, rows.map((row) => ({ commentId: row.commentId, flags: result.flags.get(String(row.commentId)) ?? [] })));
    return { ok: true, scored: rows.length, flagged: written.flagged };
  }
  const attempts = Math.max(...rows.map((row) => row.attempts)) + 1;
  await pool.query(
    `UPDATE external_score_pending SET attempts = attempts + 1, "lastError" = $3, "nextAttemptAt" = ${NOW} + make_interval(secs => $4)
     WHERE "ruleId" = $1 AND "commentId" = ANY($2::int[])`,
    [ruleId, rows.map((row) => row.commentId), storableText(result.message.slice(0, 500)), retryDelaySeconds(attempts) ?? SLOW_RETRY_SECONDS],
  );
  return { ok: false, message: result.message };
}
