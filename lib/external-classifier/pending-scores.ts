import "server-only";

// Which comments an EXTERNAL rule still has to score (table external_score_pending). Written in
// the caller's transaction: by the import as it finishes (finishImportBatch), and when an EXTERNAL
// rule is saved enabled (its pending comments are scored again under the new thresholds).

type Run = (sql: string, params: unknown[]) => Promise<unknown>;

const NOW = `(now() AT TIME ZONE 'UTC')`;
const ENABLED_EXTERNAL = `r.kind = 'EXTERNAL' AND r.enabled AND r."deletedAt" IS NULL`;

/** Every comment the import batch added, for every enabled EXTERNAL rule (nothing when there is none). */
export async function recordPendingScoresForImport(run: Run, importBatchId: number): Promise<void> {
  await run(
    `INSERT INTO external_score_pending ("commentId", "ruleId", "nextAttemptAt", "createdAt")
     SELECT c.id, r.id, ${NOW}, ${NOW} FROM rule r JOIN comment c ON c."importBatchId" = $1
     WHERE ${ENABLED_EXTERNAL}
     ON CONFLICT DO NOTHING`,
    [importBatchId],
  );
}

/** The pending comments, to be scored (again) by this rule, due now. */
export async function recordPendingScoresForRule(run: Run, ruleId: number): Promise<void> {
  await run(
    `INSERT INTO external_score_pending ("commentId", "ruleId", "nextAttemptAt", "createdAt")
     SELECT c.id, r.id, ${NOW}, ${NOW} FROM rule r JOIN comment c ON c.status = 'PENDING'
     WHERE r.id = $1 AND ${ENABLED_EXTERNAL}
     ON CONFLICT ("commentId", "ruleId") DO UPDATE SET attempts = 0, "nextAttemptAt" = ${NOW}, "lastError" = NULL`,
    [ruleId],
  );
}
