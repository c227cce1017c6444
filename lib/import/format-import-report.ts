import type { ParseProblem } from "./types";

export interface ImportReport {
  fileName: string;
  format: string;
  articles: number;
  added: number;
  duplicates: number;
  rejected: number;
  problems: ParseProblem[];
  warnings: ParseProblem[];
}

const SHOWN_PROBLEMS = 50;

// Line 0 is about the whole file (e.g. no rule is enabled), not a line of it.
function place(fileName: string, problem: ParseProblem): string {
  return `${fileName}${problem.line > 0 ? `:${problem.line}` : ""}${problem.field ? ` (${problem.field})` : ""}`;
}

/** The summary an import prints: counts first, then each rejected row with its place and reason. */
export function formatImportReport(report: ImportReport, options: { dryRun: boolean }): string[] {
  const verb = options.dryRun ? "would add" : "added";
  const lines = [
    `${options.dryRun ? "Dry run of" : "Imported"} ${report.fileName} (${report.format}): ${report.articles} article(s), ${report.added} comment(s) ${verb}, ${report.duplicates} duplicate(s) skipped, ${report.rejected} rejected`,
  ];
  for (const warning of report.warnings) lines.push(`warning: ${place(report.fileName, warning)}: ${warning.message}`);
  for (const problem of report.problems.slice(0, SHOWN_PROBLEMS)) lines.push(`rejected: ${place(report.fileName, problem)}: ${problem.message}`);
  if (report.problems.length > SHOWN_PROBLEMS) lines.push(`… and ${report.problems.length - SHOWN_PROBLEMS} more rejected rows (all are kept with the import batch)`);
  return lines;
}
