import "server-only";
import { createReadStream, existsSync, statSync } from "node:fs";
import path from "node:path";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { loadRuleEvaluator } from "@/lib/rules/load-rule-evaluator";
import { hasEnabledRules, NO_ENABLED_RULES_WARNING } from "@/lib/setup/ensure-default-rules";
import { parseImport } from "./parse-import";
import type { ImportInput } from "./read-lines";
import { rulesInThread, type ChunkRules } from "./chunk-rules";
import { runImport, type ImportProgress, type ImportSummary, type ImportTimings } from "./run-import";
import type { ImportFormat } from "./types";
import { openImportInput } from "./open-import-input";

export interface ImportStreamRequest {
  input: ImportInput;
  fileName: string;
  /** Named by the caller, or detected from the name and the first bytes. */
  format?: ImportFormat;
  via: "cli" | "dashboard" | "api" | "demo";
  actor: AuditActor;
  utcOffsetMinutes?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Milliseconds per stage, filled in when given (the import bench). */
  timings?: ImportTimings;
  /**
   * Starts the rules the import flags with, instead of the enabled rules in this thread: the CLI and
   * the bench pass startRulesWorker (rules-worker-thread.ts) for bulk loads; never inside Next.
   * Such a bulk load also writes on two connections at once (runImport's `writers`).
   */
  startRules?: () => Promise<ChunkRules>;
}

/** Any byte stream in any supported format, through the one import pipeline. */
export async function importStream(request: ImportStreamRequest): Promise<ImportSummary & { format: ImportFormat }> {
  const { format, input: source } = await openImportInput(request.input, request.fileName, request.format);
  const rules = request.startRules ? await request.startRules() : rulesInThread(await loadRuleEvaluator());
  const events = parseImport(format, source, { fileName: request.fileName, utcOffsetMinutes: request.utcOffsetMinutes });
  let summary: ImportSummary;
  try {
    summary = await runImport({ events, format, fileName: request.fileName, via: request.via, actor: request.actor, rules, onProgress: request.onProgress, timings: request.timings, writers: request.startRules ? 2 : 1 });
  } finally {
    await rules.close();
  }
  if (await hasEnabledRules()) return { ...summary, format };
  return { ...summary, warnings: [{ line: 0, message: NO_ENABLED_RULES_WARNING }, ...summary.warnings], warningCount: summary.warningCount + 1, format };
}

/** From this size on the CLI flags on a worker thread: below it, starting the worker costs more than it saves. */
export const RULES_WORKER_MIN_BYTES = 4 * 1024 * 1024;

export async function importFile(request: Omit<ImportStreamRequest, "input" | "fileName"> & { filePath: string }): Promise<ImportSummary & { format: ImportFormat }> {
  if (!existsSync(request.filePath)) throw new AppError("NOT_FOUND", `${request.filePath}: no such file`);
  if (!statSync(request.filePath).isFile()) throw new AppError("INVALID", `${request.filePath} is not a file`);
  return importStream({ ...request, input: createReadStream(request.filePath), fileName: path.basename(request.filePath) });
}
