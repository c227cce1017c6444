import type { ReaderReportReasonCode } from "./schemas";

export interface ReportTally {
  reason: ReaderReportReasonCode;
  count: number;
}

/** The card's line: "Reported 3× (abusive ×2, spam)"; most frequent reason first, then by name. */
export function describeReports(tallies: readonly ReportTally[]): string | null {
  const counted = tallies.filter((tally) => tally.count > 0);
  const total = counted.reduce((sum, tally) => sum + tally.count, 0);
  if (total === 0) return null;
  const parts = [...counted]
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
    .map((tally) => `${tally.reason.replaceAll("_", "-")}${tally.count > 1 ? ` ×${tally.count}` : ""}`);
  return `Reported ${total}× (${parts.join(", ")})`;
}

/** The latest note a reader wrote with a report of the comment, and how many reports carry one. */
export interface ReaderNote {
  reason: ReaderReportReasonCode;
  note: string;
  /** Reports of this comment with a note, this one included. */
  count: number;
}

/**
 * The card's lead-in to the reader's own words, so the moderator reads why readers reported it
 * where they decide (it was only on the comment's page): "a reader (abusive):" or, with several,
 * "the latest of 3 readers' notes (abusive):". The note itself is shown as text after it.
 */
export function describeReaderNote(note: Pick<ReaderNote, "reason" | "count">): string {
  const reason = note.reason.replaceAll("_", "-");
  return note.count > 1 ? `the latest of ${note.count.toLocaleString("en-US")} readers' notes (${reason}):` : `a reader (${reason}):`;
}
