import "server-only";
import type pg from "pg";
import Cursor from "pg-cursor";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
import { getPgPool } from "@/lib/db/pg-pool";
import { exportCursorOrigin } from "./cursor-origin";
import { decisionQuery } from "./decision-rows-query";
import { createExportFormatter, type ExportFormat } from "./export-formatter";
import { createRecordTemplate } from "./record-template";
import { describeFilters, type ExportFilters } from "./schemas";

// A decisions export as an async generator of UTF-8 chunks, one Buffer per batch of rows read from a
// server-side cursor: memory holds two batches (one formatting, one arriving) whatever the size,
// and the consumer's pace (an HTTP response, a file, stdout) throttles the reads. Postgres writes
// most of each record and Node escapes the free text (record-template.ts).
//
// Buffers, not strings: a batch joined into one string (~1 MB) lands in V8's large-object space,
// which only a full GC frees, so finished chunks piled up between full GCs (the JSONL export
// peaked at 336 MB RSS). A Buffer's memory goes with its small handle at the next scavenge, and
// the socket or file takes the bytes without re-encoding them. Ends by writing
// ONE "export.decisions" audit event: completed with the final row count, or (aborted by the
// consumer, or failed) completed: false with the rows handed over so far.
//
// The rows are read in one REPEATABLE READ snapshot, taken before the head goes out, whose text is
// the export's next cursor (export-cursor.ts): what this export returned is exactly what that
// snapshot saw, so an export `after` it returns each decision it did not see, once.

export const EXPORT_BATCH_ROWS = 2_000;

export interface DecisionExportRequest {
  format: ExportFormat;
  bom?: boolean;
  filters: ExportFilters;
  actor: AuditActor;
  /** How the export was asked for: "dashboard", "api", "cli" or "bench". */
  via: string;
  batchRows?: number;
  /** Told the next cursor before the first chunk is yielded (a response sends it as a header). */
  onCursor?: (next: string) => void;
}

export interface DecisionExportSummary {
  rows: number;
  completed: boolean;
  auditEventId: number;
  /** The cursor for the export after this one; absent when the export did not start. */
  next?: string;
}

export const EXPORT_CURSOR_UNKNOWN_MESSAGE =
  "after is a cursor this database has not reached: it comes from before a restore of this database. Nothing was exported; export by since/until once, then follow that export's cursor.";
export const EXPORT_CURSOR_FOREIGN_MESSAGE =
  "after is a cursor of another Moddesk database. Nothing was exported; export by since/until once from this one, then follow that export's cursor.";

/**
 * Opens the export's snapshot on `client`: the cursor to hand on, after checking that `after` comes
 * from this database (its origin) and from its past (a cursor from before a logical restore would
 * otherwise hide new decisions until the transaction counter caught up with it).
 */
async function openSnapshot(client: pg.PoolClient, filters: ExportFilters): Promise<string> {
  const origin = await exportCursorOrigin(client);
  const after = filters.after;
  if (after && after.origin !== origin) throw new AppError("INVALID", EXPORT_CURSOR_FOREIGN_MESSAGE, undefined, { field: "after" });
  // READ ONLY: no transaction id of its own. The first statement fixes the snapshot every later one reads.
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  const { rows } = await client.query<{ next: string; isKnown: boolean }>(
    after
      ? `SELECT pg_current_snapshot()::text AS next, $1::xid8 <= pg_snapshot_xmax(pg_current_snapshot()) AS "isKnown"`
      : `SELECT pg_current_snapshot()::text AS next, true AS "isKnown"`,
    after ? [after.xmax] : [],
  );
  const snapshot = rows[0];
  if (!snapshot?.isKnown) throw new AppError("INVALID", EXPORT_CURSOR_UNKNOWN_MESSAGE, undefined, { field: "after" });
  return `${origin}.${snapshot.next}`;
}

async function recordExport(request: DecisionExportRequest, outcome: { rows: number; completed: boolean; next?: string; error?: string }): Promise<number> {
  const event = await db.$transaction((tx) =>
    recordAuditEvent(tx, {
      actor: request.actor,
      action: "export.decisions",
      entityType: "export",
      details: { format: request.format, bom: request.bom ?? false, via: request.via, filters: describeFilters(request.filters), ...outcome },
    }),
  );
  return event.id;
}

export async function* streamDecisionExport(request: DecisionExportRequest): AsyncGenerator<Buffer, DecisionExportSummary, undefined> {
  const batchRows = request.batchRows ?? EXPORT_BATCH_ROWS;
  const formatter = createExportFormatter(request.format, { bom: request.bom });
  const template = createRecordTemplate(request.format === "csv" ? "csv" : "json");
  const { text, values } = decisionQuery(template.selectList, request.filters);
  const client = await getPgPool().connect();
  let cursor: Cursor<unknown[]> | null = null;
  let next: string | undefined;
  let rows = 0;
  let isRecorded = false;
  let failure: unknown;
  let pendingRead: Promise<unknown[][]> | null = null;
  const readNext = () => {
    const read = cursor!.read(batchRows);
    // Awaited later; this only keeps a failure during a paused yield from being "unhandled".
    read.catch(() => {});
    return read;
  };
  try {
    next = await openSnapshot(client, request.filters);
    request.onCursor?.(next);
    cursor = client.query(new Cursor<unknown[]>(text, values, { rowMode: "array" }));
    // The head goes out before the first read, so a download starts at once.
    yield Buffer.from(formatter.head());
    pendingRead = readNext();
    for (;;) {
      const batch = await pendingRead;
      pendingRead = null;
      if (batch.length === 0) break;
      // The next batch is asked for before this one is formatted and written: Postgres produces
      // rows while Node formats (two processes, two cores).
      pendingRead = readNext();
      const records = new Array<string>(batch.length);
      for (let index = 0; index < batch.length; index++) records[index] = template.render(batch[index]!);
      const chunk = formatter.encode(records);
      rows += batch.length;
      yield chunk;
    }
    yield Buffer.from(formatter.tail());
    // Written once the consumer has taken the last chunk but before the stream ends: if it cannot
    // be written, the download fails rather than go unrecorded.
    isRecorded = true;
    const auditEventId = await recordExport(request, { rows, completed: true, next });
    return { rows, completed: true, auditEventId, next };
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    if (pendingRead) await pendingRead.catch(() => {});
    await cursor?.close().catch(() => {});
    // Ends the read-only transaction (nothing to keep). A connection whose query failed, or whose
    // transaction could not be ended, is dropped rather than handed back to the pool; a refused
    // cursor is no fault of the connection's.
    const isConnectionSound = failure === undefined || isAppError(failure);
    const endFailure = isConnectionSound ? await client.query("ROLLBACK").then(() => undefined, (error: unknown) => error) : failure;
    client.release(endFailure === undefined ? undefined : endFailure instanceof Error ? endFailure : new Error(String(endFailure)));
    if (!isRecorded) {
      const error = failure === undefined ? {} : { error: failure instanceof Error ? failure.message : String(failure) };
      await recordExport(request, { rows, completed: false, ...error }).catch((recordFailure: unknown) => console.error("[export] could not record the aborted export", recordFailure));
    }
  }
}

/** Runs an export to its end, handing each chunk to `write` (which should wait for the sink to drain). */
export async function pumpDecisionExport(request: DecisionExportRequest, write: (chunk: Buffer) => Promise<void> | void): Promise<DecisionExportSummary> {
  const chunks = streamDecisionExport(request);
  try {
    for (;;) {
      const step = await chunks.next();
      if (step.done) return step.value;
      if (step.value.length > 0) await write(step.value);
    }
  } catch (error) {
    // The sink failed (a closed pipe, a full disk): end the generator so it records the abort.
    await chunks.return({ rows: 0, completed: false, auditEventId: 0 }).catch(() => {});
    throw error;
  }
}
