import { statSync } from "node:fs";
import { parseArgs } from "node:util";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { MAX_ROW_ID } from "@/lib/validation/bounds";
import { importFile, RULES_WORKER_MIN_BYTES } from "@/lib/import/import-file";
import { IMPORT_FORMATS, type ImportFormat } from "@/lib/import/types";
import { formatImportReport, rejectedLine } from "@/lib/import/format-import-report";
import { say, writeData } from "../lib/output";
import { withDatabase } from "../lib/with-database";

function parseFormat(value: string | undefined): ImportFormat | undefined {
  if (value === undefined) return undefined;
  if (!(IMPORT_FORMATS as readonly string[]).includes(value)) throw new AppError("INVALID", `--format must be one of ${IMPORT_FORMATS.join(", ")} (got '${value}')`);
  return value as ImportFormat;
}

/** `moddesk import problems <batch id>`: every rejected row of a stored import, as CSV on stdout. */
async function importProblemsCommand(args: string[]): Promise<void> {
  const batchId = Number(args[0]);
  if (args.length !== 1 || !Number.isInteger(batchId) || batchId < 1 || batchId > MAX_ROW_ID) throw new AppError("INVALID", "usage: moddesk import problems <import batch id>  (the id is in the import's summary and on the Imports page)");
  await withDatabase(async () => {
    const { importBatchFileName, importProblemCsvLines } = await import("@/lib/import/import-problems");
    const fileName = await importBatchFileName(batchId);
    if (fileName === null) throw new AppError("NOT_FOUND", `there is no import batch #${batchId} (npm run moddesk -- help; the Imports page lists them)`);
    for await (const text of importProblemCsvLines(batchId, fileName)) {
      if (!writeData(text)) await new Promise((resolve) => process.stdout.once("drain", resolve));
    }
  });
}

export async function importCommand(args: string[]): Promise<void> {
  if (args[0] === "problems") return importProblemsCommand(args.slice(1));
  if (args.length === 1 && args[0] === "schema") {
    const { importJsonSchemas } = await import("@/lib/import/schemas");
    say(JSON.stringify(importJsonSchemas(), null, 2));
    return;
  }
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: "string" }, "dry-run": { type: "boolean" }, "utc-offset": { type: "string" } },
  });
  const [filePath] = positionals;
  if (!filePath || positionals.length > 1) throw new AppError("INVALID", "usage: moddesk import <file> [--format F] [--dry-run] [--utc-offset MINUTES]");
  const format = parseFormat(values.format);
  const utcOffsetMinutes = values["utc-offset"] === undefined ? undefined : Number(values["utc-offset"]);
  if (utcOffsetMinutes !== undefined && !Number.isInteger(utcOffsetMinutes)) throw new AppError("INVALID", "--utc-offset takes whole minutes, e.g. 300 for UTC+5");
  await withDatabase(async () => {
    if (values["dry-run"]) {
      const { dryRunFile } = await import("@/lib/import/dry-run-import");
      // Every rejected row is printed as it is found (not held until the end), then the counts.
      const report = await dryRunFile({ filePath, format, utcOffsetMinutes, onProblem: (problem) => say(rejectedLine(filePath, problem)) });
      for (const line of formatImportReport(report, { dryRun: true })) say(line);
      if (report.rejected > 0) process.exitCode = 1;
      return;
    }
    const rulesOnWorker = statSync(filePath, { throwIfNoEntry: false })?.isFile() === true && statSync(filePath).size >= RULES_WORKER_MIN_BYTES;
    const { startRulesWorker } = await import("@/lib/import/rules-worker-thread");
    const summary = await importFile({ filePath, format, via: "cli", actor: { ...SYSTEM_ACTOR, label: "cli" }, utcOffsetMinutes, ...(rulesOnWorker ? { startRules: startRulesWorker } : {}) });
    for (const line of formatImportReport({ ...summary, batchId: summary.batchId, fileName: filePath }, { dryRun: false })) say(line);
    if (summary.rejected > 0) process.exitCode = 1;
  });
}
