import "server-only";
import { createReadStream, existsSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ImportReport } from "./format-import-report";
import { parseImport } from "./parse-import";
import type { ImportFormat, ParseProblem } from "./types";
import { openImportInput } from "./open-import-input";
import { KEPT_WARNINGS } from "./run-import";

const LOOKUP_CHUNK = 5_000;

/**
 * Parses a file and says what an import would do, writing nothing. With `onProblem`, each rejected
 * row is handed over as it is found and not kept: a file of millions of bad lines does not grow
 * the process (report.problems stays empty; report.rejected counts them).
 */
export async function dryRunFile(request: { filePath: string; format?: ImportFormat; utcOffsetMinutes?: number; onProblem?: (problem: ParseProblem) => void }): Promise<ImportReport> {
  if (!existsSync(request.filePath)) throw new AppError("NOT_FOUND", `${request.filePath}: no such file`);
  const fileName = path.basename(request.filePath);
  const { format, input: source } = await openImportInput(createReadStream(request.filePath), fileName, request.format);
  const report: ImportReport = { fileName: request.filePath, format, articles: 0, added: 0, duplicates: 0, rejected: 0, problems: [], warnings: [] };
  const seen = new Set<string>();
  let pending: string[] = [];
  const countExisting = async () => {
    const existing = await db.comment.count({ where: { dedupeKey: { in: pending } } });
    report.duplicates += existing;
    report.added += pending.length - existing;
    pending = [];
  };
  for await (const event of parseImport(format, source, { fileName, utcOffsetMinutes: request.utcOffsetMinutes })) {
    if (event.type === "problem") {
      if (!event.sameRow) report.rejected += 1;
      if (request.onProblem) request.onProblem(event.problem);
      else report.problems.push(event.problem);
    } else if (event.type === "warning") {
      report.warningCount = (report.warningCount ?? 0) + 1;
      if (report.warnings.length < KEPT_WARNINGS) report.warnings.push(event.warning);
    }
    else if (event.type === "article") report.articles += 1;
    else {
      const key = `${event.comment.source}:${event.comment.key}`;
      if (seen.has(key)) {
        report.duplicates += 1;
        continue;
      }
      seen.add(key);
      pending.push(key);
      if (pending.length >= LOOKUP_CHUNK) await countExisting();
    }
  }
  if (pending.length > 0) await countExisting();
  return report;
}
