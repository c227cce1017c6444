import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/client";

// The reports of one comment for its page: what readers said, never who they are (reporterKey is
// read only to tell a reader's report from a site's tally).
const readerReportSelect = { id: true, reason: true, count: true, note: true, source: true, receivedAt: true, reporterKey: true } satisfies Prisma.ReaderReportSelect;

export interface ReaderReportRow {
  id: number;
  reason: string;
  count: number;
  note: string | null;
  source: string;
  receivedAt: Date;
  /** A site's running tally (no reader id), not one reader's report. */
  isTally: boolean;
}

/** How many reports the comment page lists: the newest; the panel says how many more there are. */
export const READER_REPORTS_SHOWN = 200;

export interface ReaderReportList {
  reports: ReaderReportRow[];
  /** Every report row of the comment, shown or not. */
  total: number;
}

export async function listReaderReports(commentId: number, limit = READER_REPORTS_SHOWN): Promise<ReaderReportList> {
  const rows = await db.readerReport.findMany({ where: { commentId }, orderBy: [{ receivedAt: "desc" }, { id: "desc" }], take: limit + 1, select: readerReportSelect });
  // Counted only when the page is full: a comment with few reports costs one query.
  const total = rows.length > limit ? await db.readerReport.count({ where: { commentId } }) : rows.length;
  const reports = rows.slice(0, limit).map(({ reporterKey, reason, ...row }) => ({ ...row, reason: reason.toLowerCase().replaceAll("_", "-"), isTally: reporterKey.startsWith("anonymous:") }));
  return { reports, total };
}
