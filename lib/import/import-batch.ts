import "server-only";
import type { PoolClient } from "pg";
import { recordAuditEventPg, SYSTEM_ACTOR, type AuditActor } from "@/lib/audit/record-audit-event";
import type { ParseProblem } from "./types";
import { enqueueWebhookEvent } from "@/lib/webhooks/enqueue-webhook-event";
import { SUMMARY_PROBLEMS } from "./import-problem-log";
import { recordPendingScoresForImport } from "@/lib/external-classifier/pending-scores";
import { wellFormedJson } from "@/lib/validation/well-formed-text";

// An import batch lives as long as the connection that runs it: the connection holds a session
// advisory lock (IMPORT_LOCK_CLASS, batch id) from the moment the row exists. A RUNNING batch whose
// lock nobody holds belongs to a process that died (kill -9, crash, lost connection): the next
// import marks it INTERRUPTED. No pid or hostname is needed, and it works across machines.

const IMPORT_LOCK_CLASS = 7_240_010;

export type ImportVia = "cli" | "dashboard" | "api" | "demo" | "connector";

export interface BatchCounts {
  articles: number;
  added: number;
  duplicates: number;
  rejected: number;
}

/** Marks RUNNING batches whose process is gone as INTERRUPTED (with an audit event each); returns their ids. */
export async function markInterruptedImports(client: PoolClient): Promise<number[]> {
  await client.query("BEGIN");
  try {
    const stale = await client.query<{ id: number; fileName: string }>(
      `UPDATE import_batch b SET status = 'INTERRUPTED', "finishedAt" = now() AT TIME ZONE 'UTC'
       WHERE b.status = 'RUNNING' AND NOT EXISTS (
         SELECT 1 FROM pg_locks l
         WHERE l.locktype = 'advisory' AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
           AND l.classid = $1 AND l.objid = b.id AND l.objsubid = 2 AND l.granted)
       RETURNING b.id, b."fileName"`,
      [IMPORT_LOCK_CLASS],
    );
    for (const row of stale.rows) {
      await recordAuditEventPg(client, {
        actor: SYSTEM_ACTOR,
        action: "import.interrupted",
        entityType: "import_batch",
        entityId: row.id,
        details: { fileName: row.fileName, reason: "the process running it stopped before it finished" },
      });
      // Its committed chunks are real comments: the EXTERNAL rules' endpoints still score them.
      await recordPendingScoresForImport((sql, params) => client.query(sql, params), row.id);
    }
    await client.query("COMMIT");
    return stale.rows.map((row) => row.id);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/**
 * Creates the batch row and takes its lock in the same statement: by the time another connection
 * can see the RUNNING row, its lock is already held, so it is never mistaken for a dead one.
 */
export async function startImportBatch(client: PoolClient, request: { format: string; fileName: string; via: ImportVia; actor: AuditActor }): Promise<number> {
  await markInterruptedImports(client);
  const result = await client.query<{ id: number }>(
    `WITH created AS (
       INSERT INTO import_batch (format, "fileName", via, "startedById", "startedAt")
       VALUES ($1, $2, $3, $4, now() AT TIME ZONE 'UTC') RETURNING id)
     SELECT id, pg_advisory_lock($5, id) FROM created`,
    [request.format, request.fileName, request.via, request.actor.id, IMPORT_LOCK_CLASS],
  );
  const id = result.rows[0]?.id;
  if (id === undefined) throw new Error("creating the import batch returned no row");
  return id;
}

/**
 * Records the outcome and its audit event in one transaction, then lets go of the batch's lock.
 * `problems` are the first ones, for the batch row's summary: every one was written to
 * import_problem while the import ran (import-problem-log.ts).
 */
export async function finishImportBatch(
  client: PoolClient,
  batch: { id: number; status: "COMPLETED" | "FAILED"; counts: BatchCounts; problems: ParseProblem[]; warnings: number },
  request: { format: string; fileName: string; via: ImportVia; actor: AuditActor },
): Promise<void> {
  try {
    await client.query("BEGIN");
    await client.query(
      `UPDATE import_batch SET status = $2, "finishedAt" = now() AT TIME ZONE 'UTC', articles = $3, added = $4, duplicates = $5, rejected = $6, problems = $7::jsonb WHERE id = $1`,
      [batch.id, batch.status, batch.counts.articles, batch.counts.added, batch.counts.duplicates, batch.counts.rejected, wellFormedJson(batch.problems.slice(0, SUMMARY_PROBLEMS))],
    );
    await recordAuditEventPg(client, {
      actor: request.actor,
      action: batch.status === "COMPLETED" ? "import.complete" : "import.fail",
      entityType: "import_batch",
      entityId: batch.id,
      details: { fileName: request.fileName, format: request.format, via: request.via, ...batch.counts, warnings: batch.warnings },
    });
    await enqueueWebhookEvent((sql, params) => client.query(sql, params), {
      type: "import.completed",
      orderingKey: `import:${batch.id}`,
      data: { import: { id: batch.id, status: batch.status, fileName: request.fileName, format: request.format, via: request.via, ...batch.counts } },
    });
    // The batch's new comments wait for the EXTERNAL rules' endpoints ("not scored"): a job calls
    // them after this commit, so an endpoint that is slow or down never holds up an import.
    await recordPendingScoresForImport((sql, params) => client.query(sql, params), batch.id);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1, $2)", [IMPORT_LOCK_CLASS, batch.id]).catch(() => {});
  }
}
