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

export async function listReaderReports(commentId: number): Promise<ReaderReportRow[]> {
  const rows = await db.readerReport.findMany({ where: { commentId }, orderBy: [{ receivedAt: "desc" }, { id: "desc" }], take: 200, select: readerReportSelect });
  return rows.map(({ reporterKey, reason, ...row }) => ({ ...row, reason: reason.toLowerCase().replaceAll("_", "-"), isTally: reporterKey.startsWith("anonymous:") }));
}
