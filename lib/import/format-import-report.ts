import type { ParseProblem } from "./types";

export interface ImportReport {
  /** The stored batch (absent for a dry run): where every rejected row can be listed. */
  batchId?: number;
  fileName: string;
  format: string;
  articles: number;
  added: number;
  duplicates: number;
  rejected: number;
  problems: ParseProblem[];
  /** The first warnings; warningCount, when larger, counts them all. */
  warnings: ParseProblem[];
  warningCount?: number;
}

const SHOWN_PROBLEMS = 50;

// Line 0 is about the whole file (e.g. no rule is enabled), not a line of it.
function place(fileName: string, problem: ParseProblem): string {
  return `${fileName}${problem.line > 0 ? `:${problem.line}` : ""}${problem.field ? ` (${problem.field})` : ""}`;
}

/** One rejected row as the reports print it (a dry run prints them as they are found). */
export function rejectedLine(fileName: string, problem: ParseProblem): string {
  return `rejected: ${place(fileName, problem)}: ${problem.message}`;
}

/** The summary an import prints: counts first, then each rejected row with its place and reason. */
export function formatImportReport(report: ImportReport, options: { dryRun: boolean }): string[] {
  const verb = options.dryRun ? "would add" : "added";
  const lines = [
    `${options.dryRun ? "Dry run of" : "Imported"} ${report.fileName} (${report.format}): ${report.articles} article(s), ${report.added} comment(s) ${verb}, ${report.duplicates} duplicate(s) skipped, ${report.rejected} rejected`,
  ];
  for (const warning of report.warnings) lines.push(`warning: ${place(report.fileName, warning)}: ${warning.message}`);
  const unlisted = (report.warningCount ?? report.warnings.length) - report.warnings.length;
  if (unlisted > 0) lines.push(`… and ${unlisted} more warning(s) of the same kinds (the first ${report.warnings.length} are listed)`);
  // A dry run stores nothing, so it prints every rejected row; an import prints the first ones and
  // says where all of them are kept.
  const shown = report.batchId === undefined ? report.problems : report.problems.slice(0, SHOWN_PROBLEMS);
  for (const problem of shown) lines.push(rejectedLine(report.fileName, problem));
  // An import's summary keeps only the first problems; `rejected` counts them all.
  if (report.batchId !== undefined && report.rejected > SHOWN_PROBLEMS) {
    lines.push(`… and ${report.rejected - SHOWN_PROBLEMS} more rejected rows: npm run moddesk -- import problems ${report.batchId} lists every one (CSV)`);
  }
  return lines;
}
