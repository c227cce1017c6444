import "server-only";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { reportPriorityFor } from "./report-priority";
import { reporterHashKey } from "./reporter-hash-key";
import { reporterKeyFor } from "./reporter-key";
import type { ReaderReportInput, ReaderReportReasonCode } from "./schemas";

// Readers' reports of one stored comment, recorded after the comment row exists (never inside the
// import's COPY). Idempotent: a reader reports a comment for a reason once, however often the site
// re-sends it; a site's anonymous tally only ever rises. The comment's reportCount, reportPriority
// and priority follow in the same transaction, under the comment's row lock, so two batches for
// one comment cannot both read the old sum.

export interface RecordedReports {
  commentId: number;
  /** Reports new to Moddesk (or anonymous tallies that rose). */
  added: number;
  /** Reports Moddesk already had: counted once. */
  duplicates: number;
  /** The comment's total after this batch. */
  reportCount: number;
}

interface StoredReport {
  reason: Uppercase<ReaderReportReasonCode>;
  reporterKey: string;
  count: number;
  note: string | null;
}

/** One row per (reporter, reason): the batch's own repeats fold here, the stored ones in SQL. */
function storedReports(reports: readonly ReaderReportInput[], hashSource: string): StoredReport[] {
  const key = reporterHashKey();
  const byKey = new Map<string, StoredReport>();
  for (const report of reports) {
    const reporterKey = reporterKeyFor(key, hashSource, report.reporterId);
    const reason = report.reason.toUpperCase() as StoredReport["reason"];
    const count = report.reporterId === undefined ? (report.count ?? 1) : 1;
    const seen = byKey.get(`${reporterKey} ${reason}`);
    if (seen) {
      seen.count = Math.max(seen.count, count);
      seen.note ??= report.note ?? null;
    } else byKey.set(`${reporterKey} ${reason}`, { reason, reporterKey, count, note: report.note ?? null });
  }
  return [...byKey.values()];
}

/**
 * Records reports of comment `commentId` (the WordPress and Disqus connectors call this too).
 * `source` is who passed them on ("api", "wordpress"); `hashSource` scopes reader ids (the
 * comment's own source, so the same site's reader is one reader whichever way the report came).
 */
export async function recordReaderReports(
  tx: Prisma.TransactionClient,
  commentId: number,
  reports: readonly ReaderReportInput[],
  options: { source: string; hashSource: string },
): Promise<RecordedReports> {
  const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM comment WHERE id = ${commentId} FOR UPDATE`;
  if (locked.length === 0) throw new AppError("NOT_FOUND", `There is no comment #${commentId}.`);
  const rows = storedReports(reports, options.hashSource);
  const changed = rows.length === 0 ? [] : await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO reader_report ("commentId", reason, note, count, "reporterKey", source)
    SELECT ${commentId}, r.reason::"ReaderReportReason", r.note, r.count, r.key, ${options.source}
      FROM unnest(${rows.map((row) => row.reason)}::text[], ${rows.map((row) => row.note)}::text[], ${rows.map((row) => row.count)}::int[], ${rows.map((row) => row.reporterKey)}::text[]) AS r(reason, note, count, key)
    ON CONFLICT ("commentId", "reporterKey", reason) DO UPDATE SET count = EXCLUDED.count, "receivedAt" = now()
      WHERE reader_report.count < EXCLUDED.count
    RETURNING id`;
  const [total] = await tx.$queryRaw<{ total: number }[]>`SELECT coalesce(sum(count), 0)::int AS total FROM reader_report WHERE "commentId" = ${commentId}`;
  const reportCount = total?.total ?? 0;
  const reportPriority = reportPriorityFor(reportCount);
  // priority = the rules' part + the reports' part; the rules' part is what stays when reports change.
  await tx.$executeRaw`
    UPDATE comment SET "reportCount" = ${reportCount}, priority = priority - "reportPriority" + ${reportPriority}, "reportPriority" = ${reportPriority}
    WHERE id = ${commentId} AND ("reportCount" <> ${reportCount} OR "reportPriority" <> ${reportPriority})`;
  return { commentId, added: changed.length, duplicates: reports.length - changed.length, reportCount };
}

export interface ReportBatchEntry {
  commentId: number;
  hashSource: string;
  reports: readonly ReaderReportInput[];
}

/** A batch from one request or sync: every comment's reports, then one audit event for the batch. */
export async function recordReportBatch(
  tx: Prisma.TransactionClient,
  entries: readonly ReportBatchEntry[],
  options: { source: string; actor: AuditActor; importBatchId?: number },
): Promise<RecordedReports[]> {
  const recorded: RecordedReports[] = [];
  for (const entry of entries) recorded.push(await recordReaderReports(tx, entry.commentId, entry.reports, { source: options.source, hashSource: entry.hashSource }));
  if (recorded.length === 0) return recorded;
  const reasons: Partial<Record<ReaderReportReasonCode, number>> = {};
  for (const entry of entries) for (const report of entry.reports) reasons[report.reason] = (reasons[report.reason] ?? 0) + 1;
  const single = recorded.length === 1 ? recorded[0] : undefined;
  await recordAuditEvent(tx, {
    actor: options.actor,
    action: "comment.report",
    // An ingest's reports belong to its import batch; a single comment's to the comment.
    entityType: options.importBatchId === undefined && single ? "comment" : "import_batch",
    entityId: options.importBatchId ?? single?.commentId ?? null,
    details: {
      source: options.source,
      comments: recorded.length,
      reports: entries.reduce((sum, entry) => sum + entry.reports.length, 0),
      added: recorded.reduce((sum, row) => sum + row.added, 0),
      duplicates: recorded.reduce((sum, row) => sum + row.duplicates, 0),
      reasons,
      ...(single ? { reportCount: single.reportCount } : { commentIds: recorded.slice(0, 100).map((row) => row.commentId) }),
    },
  });
  return recorded;
}
