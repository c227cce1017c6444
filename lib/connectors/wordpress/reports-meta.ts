import { READER_REPORT_REASONS, MAX_REPORT_TALLY, type ReaderReportInput, type ReaderReportReasonCode } from "@/lib/reports/schemas";
import type { WordpressComment } from "./rest-client";

// WordPress has no reader reports of its own; a site that collects them (a "report this comment"
// button, a plugin) registers the comment meta `moddesk_reports` holding its running tally per
// reason, e.g. {"abusive": 3, "spam": 1} (docs/connectors.md). The pull hands the tallies to
// recordReaderReports as anonymous reports: a tally only ever rises, so a re-pull counts nothing twice.

export const REPORTS_META_KEY = "moddesk_reports";

export type ReportsMetaResult = { reports: ReaderReportInput[] } | { problem: string };

function isReason(value: string): value is ReaderReportReasonCode {
  return (READER_REPORT_REASONS as readonly string[]).includes(value);
}

/** The tallies in a comment's `moddesk_reports` meta (an object, or its JSON text); none when the site does not register the key. */
export function reportsFromMeta(comment: Pick<WordpressComment, "id" | "meta">): ReportsMetaResult {
  const meta = comment.meta;
  if (meta === undefined || Array.isArray(meta) || !(REPORTS_META_KEY in meta)) return { reports: [] };
  let value = meta[REPORTS_META_KEY];
  if (value === "" || value === null) return { reports: [] };
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return { problem: `WordPress comment ${comment.id}: ${REPORTS_META_KEY} is not JSON (expected {"abusive": 3, ...})` };
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { problem: `WordPress comment ${comment.id}: ${REPORTS_META_KEY} must be an object of reason → count` };
  const reports: ReaderReportInput[] = [];
  for (const [reason, count] of Object.entries(value)) {
    if (!isReason(reason)) return { problem: `WordPress comment ${comment.id}: ${REPORTS_META_KEY} has the reason '${reason}' (expected one of ${READER_REPORT_REASONS.join(", ")})` };
    if (!Number.isInteger(count) || (count as number) < 0 || (count as number) > MAX_REPORT_TALLY) {
      return { problem: `WordPress comment ${comment.id}: ${REPORTS_META_KEY}.${reason} must be a whole number from 0 to ${MAX_REPORT_TALLY}` };
    }
    if ((count as number) > 0) reports.push({ reason, count: count as number });
  }
  return { reports };
}
