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
