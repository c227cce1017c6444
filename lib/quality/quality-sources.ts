import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import type { HateCheckCase } from "@/lib/detect/quality/hatecheck";
import type { LabelledRecord } from "@/lib/detect/quality/labelled-record";
import { parseLabelledCsv, parseLabelledJsonl } from "./parse-labelled";
import { parseHateCheckCsv } from "./parse-hatecheck";

// Where the labelled data lives. The repo never holds it (../shared/corpus/README.md): it is read
// from MODDESK_CORPUS (default <repo>/../shared/corpus) and the datasets folder beside it.

export const CORPUS_SPLITS = ["dev", "test"] as const;
export type CorpusSplit = (typeof CORPUS_SPLITS)[number];

export const HATECHECK_SUITES = {
  en: "hatecheck-en/test_suite_cases.csv",
  hi: "hatecheck-hindi-mhc/hatecheck_cases_final_hindi.csv",
} as const;
export type HateCheckSuite = keyof typeof HATECHECK_SUITES;

export function corpusDir(): string {
  return path.resolve(env().MODDESK_CORPUS);
}

export function datasetsDir(): string {
  return path.resolve(env().MODDESK_DATASETS ?? path.join(corpusDir(), "..", "datasets"));
}

function requireFile(filePath: string, what: string, variable: string): void {
  if (!existsSync(filePath)) throw new AppError("NOT_FOUND", `${what} not found at ${filePath} (set ${variable} to the folder that holds it)`);
}

/** A labelled file: .csv as CSV, anything else as JSONL. Throws listing every bad line (nothing is skipped). */
export function readLabelledFile(filePath: string): LabelledRecord[] {
  if (!existsSync(filePath)) throw new AppError("NOT_FOUND", `${filePath}: no such file`);
  const fileName = path.basename(filePath);
  const text = readFileSync(filePath, "utf8");
  const { records, problems } = filePath.toLowerCase().endsWith(".csv") ? parseLabelledCsv(text, fileName) : parseLabelledJsonl(text, fileName);
  if (problems.length > 0) {
    const lines = problems.slice(0, 20).map((problem) => `${filePath}:${problem.line}: ${problem.field ? `${problem.field}: ` : ""}${problem.message}`);
    if (problems.length > 20) lines.push(`... and ${problems.length - 20} more`);
    throw new AppError("INVALID", `${problems.length} labelled record(s) could not be read:\n${lines.join("\n")}`);
  }
  if (records.length === 0) throw new AppError("INVALID", `${filePath}: no labelled records`);
  return records;
}

export function corpusSplitPath(split: CorpusSplit): string {
  return path.join(corpusDir(), `${split}.jsonl`);
}

export function readCorpusSplit(split: CorpusSplit): LabelledRecord[] {
  const filePath = corpusSplitPath(split);
  requireFile(filePath, `the labelled corpus (${split}.jsonl)`, "MODDESK_CORPUS");
  return readLabelledFile(filePath);
}

export function readHateCheck(suite: HateCheckSuite): HateCheckCase[] {
  const filePath = path.join(datasetsDir(), HATECHECK_SUITES[suite]);
  requireFile(filePath, `the HateCheck suite '${suite}'`, "MODDESK_DATASETS");
  return parseHateCheckCsv(readFileSync(filePath, "utf8"), path.basename(filePath));
}
