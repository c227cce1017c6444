import "server-only";
import type { PoolClient } from "pg";
import { withPgTransaction } from "@/lib/db/pg-pool";
import { flagCategoriesLiteral } from "@/lib/detect/flag-categories";
import { flagOutcome } from "@/lib/detect/flag-outcome";
import type { FlagResult, RuleAction, RuleCategory, Span } from "@/lib/detect/types";
import { recordAutoHide } from "@/lib/import/write-comment-chunk";
import { enqueueFlaggedComments } from "@/lib/webhooks/enqueue-webhook-event";

const NOW = `(now() AT TIME ZONE 'UTC')`;

/**
 * Puts one EXTERNAL rule's answers on their comments, in one transaction, as a rule re-run does:
 * the rule's earlier flags on these comments are replaced (or withdrawn when it no longer flags),
 * priority, held mark and flag categories are recomputed from all the comment's flags, AUTO_HIDE
 * applies to comments still PENDING, and the comments leave "not scored".
 */
export async function writeExternalFlags(ruleId: number, answers: { commentId: number; flags: FlagResult[] }[]): Promise<{ flagged: number; autoHidden: number }> {
  if (answers.length === 0) return { flagged: 0, autoHidden: 0 };
  return withPgTransaction(async (client) => {
    const ids = answers.map((answer) => answer.commentId);
    // Locked like a re-run's batch: a decision on one of these comments waits, so PENDING stays true.
    const { rows: locked } = await client.query<{ id: number; status: string }>(`SELECT id, status FROM comment WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE`, [ids]);
    const statusOf = new Map(locked.map((row) => [row.id, row.status]));
    const present = answers.filter((answer) => statusOf.has(answer.commentId));
    const presentIds = present.map((answer) => answer.commentId);
    const unflagged = present.filter((answer) => answer.flags.length === 0).map((answer) => answer.commentId);
    // Only comments whose flags from this rule change need their priority recomputed: most answers
    // flag nothing on a comment the rule never flagged, and those rows are left alone.
    const { rows: before } = await client.query<{ commentId: number }>(`SELECT DISTINCT "commentId" FROM flag WHERE "ruleId" = $1 AND "commentId" = ANY($2::int[])`, [ruleId, presentIds]);
    const changed = new Set([...before.map((row) => row.commentId), ...present.filter((answer) => answer.flags.length > 0).map((answer) => answer.commentId)]);
    await client.query(
      `WITH gone AS (DELETE FROM flag f WHERE f."ruleId" = $1 AND f."commentId" = ANY($2::int[])
         RETURNING f."commentId", f."ruleId", f."ruleVersion", f.category, f.score, f.spans, f.reason, f."createdAt")
       INSERT INTO withdrawn_flag ("commentId", "ruleId", "ruleVersion", category, score, spans, reason, "createdAt", "withdrawnAt")
       SELECT "commentId", "ruleId", "ruleVersion", category, score, spans, reason, "createdAt", ${NOW} FROM gone`,
      [ruleId, unflagged],
    );
    await client.query(`DELETE FROM flag WHERE "ruleId" = $1 AND "commentId" = ANY($2::int[])`, [ruleId, presentIds]);
    const rows = present.flatMap((answer) => answer.flags.map((flag) => ({ commentId: answer.commentId, flag })));
    if (rows.length > 0) {
      await client.query(
        `INSERT INTO flag ("commentId", "ruleId", "ruleVersion", category, score, spans, reason, "createdAt")
         SELECT v.c, $1, v.version, v.category::"RuleCategory", v.score, v.spans::jsonb, v.reason, ${NOW}
         FROM unnest($2::int[], $3::int[], $4::text[], $5::float8[], $6::text[], $7::text[]) AS v(c, version, category, score, spans, reason)`,
        [ruleId, rows.map((row) => row.commentId), rows.map((row) => row.flag.ruleVersion), rows.map((row) => row.flag.category), rows.map((row) => row.flag.score), rows.map((row) => JSON.stringify(row.flag.spans)), rows.map((row) => row.flag.reason)],
      );
    }
    // comment.flagged webhooks for comments this rule flags for the first time (before an auto-hide's comment.decided).
    const hadFlags = new Set(before.map((row) => row.commentId));
    const newlyFlagged = present.filter((answer) => answer.flags.length > 0 && !hadFlags.has(answer.commentId)).map((answer) => answer.commentId);
    if (newlyFlagged.length > 0) await enqueueFlaggedComments((sql, params) => client.query(sql, params), newlyFlagged);
    const outcome = await recomputeOutcomes(client, [...changed], statusOf);
    await client.query(`DELETE FROM external_score_pending WHERE "ruleId" = $1 AND "commentId" = ANY($2::int[])`, [ruleId, ids]);
    return { flagged: present.filter((answer) => answer.flags.length > 0).length, autoHidden: outcome.autoHidden };
  });
}

interface StoredFlagRow { commentId: number; ruleId: number; ruleVersion: number; name: string; category: RuleCategory; action: RuleAction; severity: number; score: number; spans: Span[]; reason: string }

/** Priority, held mark and categories from every flag the comments now carry (whichever rule wrote it). */
async function recomputeOutcomes(client: PoolClient, ids: number[], statusOf: Map<number, string>): Promise<{ autoHidden: number }> {
  if (ids.length === 0) return { autoHidden: 0 };
  const { rows } = await client.query<StoredFlagRow>(
    `SELECT f."commentId", f."ruleId", f."ruleVersion", r.name, f.category, r.action, r.severity, f.score, f.spans, f.reason
     FROM flag f JOIN rule r ON r.id = f."ruleId" WHERE f."commentId" = ANY($1::int[])`,
    [ids],
  );
  const flagsOf = new Map<number, FlagResult[]>(ids.map((id) => [id, []]));
  for (const row of rows) {
    flagsOf.get(row.commentId)?.push({ ruleId: String(row.ruleId), ruleVersion: row.ruleVersion, ruleName: row.name, category: row.category, action: row.action, severity: row.severity, score: row.score, spans: row.spans, reason: row.reason });
  }
  const outcomes = [...flagsOf].map(([commentId, flags]) => ({ commentId, flags, ...flagOutcome(flags) }));
  await client.query(
    `UPDATE comment c SET priority = v.priority, "isHeld" = v.held, "flagCategories" = v.categories::"RuleCategory"[]
     FROM unnest($1::int[], $2::int[], $3::bool[], $4::text[]) AS v(id, priority, held, categories)
     WHERE c.id = v.id AND (c.priority <> v.priority OR c."isHeld" <> v.held OR c."flagCategories" IS DISTINCT FROM v.categories::"RuleCategory"[])`,
    [outcomes.map((o) => o.commentId), outcomes.map((o) => o.priority), outcomes.map((o) => o.isHeld), outcomes.map((o) => flagCategoriesLiteral(o.flags))],
  );
  let autoHidden = 0;
  for (const outcome of outcomes) {
    if (!outcome.autoHide || statusOf.get(outcome.commentId) !== "PENDING") continue;
    await recordAutoHide(client, outcome.commentId, outcome.flags);
    autoHidden += 1;
  }
  return { autoHidden };
}
