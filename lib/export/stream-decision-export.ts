import "server-only";
import Cursor from "pg-cursor";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { getPgPool } from "@/lib/db/pg-pool";
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

export const EXPORT_BATCH_ROWS = 2_000;

export interface DecisionExportRequest {
  format: ExportFormat;
  bom?: boolean;
  filters: ExportFilters;
  actor: AuditActor;
  /** How the export was asked for: "dashboard", "api", "cli" or "bench". */
  via: string;
  batchRows?: number;
}

export interface DecisionExportSummary {
  rows: number;
  completed: boolean;
  auditEventId: number;
}

async function recordExport(request: DecisionExportRequest, outcome: { rows: number; completed: boolean; error?: string }): Promise<number> {
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
  const cursor = client.query(new Cursor<unknown[]>(text, values, { rowMode: "array" }));
  let rows = 0;
  let isRecorded = false;
  let failure: unknown;
  let pendingRead: Promise<unknown[][]> | null = null;
  const readNext = () => {
    const read = cursor.read(batchRows);
    // Awaited later; this only keeps a failure during a paused yield from being "unhandled".
    read.catch(() => {});
    return read;
  };
  try {
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
    const auditEventId = await recordExport(request, { rows, completed: true });
    return { rows, completed: true, auditEventId };
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    if (pendingRead) await pendingRead.catch(() => {});
    await cursor.close().catch(() => {});
    // A connection whose query failed is dropped rather than handed back to the pool.
    client.release(failure instanceof Error ? failure : undefined);
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
