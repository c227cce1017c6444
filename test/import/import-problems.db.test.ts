import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { dryRunFile } from "@/lib/import/dry-run-import";
import { importFile } from "@/lib/import/import-file";
import { formatImportReport } from "@/lib/import/format-import-report";
import { rulesInThread } from "@/lib/import/chunk-rules";
import { SUMMARY_PROBLEMS } from "@/lib/import/import-problem-log";
import { importProblemCsvLines } from "@/lib/import/import-problems";
import { runImport } from "@/lib/import/run-import";
import type { ParseEvent } from "@/lib/import/types";
import { TEST_ACTOR, resetContent } from "./import-helpers";

// An import reports each bad row, however many: the batch row keeps the first ones for its summary,
// import_problem keeps every one, and the CSV (route and CLI) lists them all.

const scratch = mkdtempSync(path.join(os.tmpdir(), "moddesk-problems-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
beforeEach(resetContent);

const BAD_ROWS = 1_234;

function writeFileWithBadRows(): string {
  const file = path.join(scratch, "many-bad.jsonl");
  const lines: string[] = [];
  for (let index = 0; index < BAD_ROWS + 10; index++) {
    // Every row but each 125th has no date: rejected with its line and field.
    const good = index % 125 === 0;
    lines.push(JSON.stringify({ id: `c${index}`, article: { id: "a1", title: "Bus timetable" }, body: `Comment number ${index} about the buses.`, ...(good ? { postedAt: "2026-01-02T10:00:00Z" } : {}) }));
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

async function csvOf(batchId: number, fileName: string): Promise<string> {
  let text = "";
  for await (const chunk of importProblemCsvLines(batchId, fileName)) text += chunk;
  return text;
}

describe("rejected rows of an import", () => {
  it("are all kept and listed, not only the first thousand", async () => {
    const file = writeFileWithBadRows();
    const summary = await importFile({ filePath: file, via: "cli", actor: TEST_ACTOR });
    const rejected = summary.rejected;
    expect(rejected).toBeGreaterThan(1_000);
    expect(summary.added + rejected).toBe(BAD_ROWS + 10);

    expect(await db.importProblem.count({ where: { batchId: summary.batchId } })).toBe(rejected);
    const csv = (await csvOf(summary.batchId, "many-bad.jsonl")).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(csv[0]).toBe("file,line,field,problem");
    expect(csv).toHaveLength(rejected + 1);
    // The last bad row is there, with its line and field.
    expect(csv.at(-1)).toMatch(new RegExp(`^many-bad\\.jsonl,${BAD_ROWS + 10},postedAt,`));

    const report = formatImportReport({ ...summary, fileName: "many-bad.jsonl" }, { dryRun: false });
    expect(report.at(-1)).toBe(`… and ${rejected - 50} more rejected rows: npm run moddesk -- import problems ${summary.batchId} lists every one (CSV)`);
  });

  it("are printed by `moddesk import problems <id>` as CSV, and an unknown id is one clear line", async () => {
    const summary = await importFile({ filePath: writeFileWithBadRows(), via: "cli", actor: TEST_ACTOR });
    // Bounded below the test's 60 s: spawnSync blocks the event loop, so that timeout cannot fire during it.
    const cli = (args: string[]) => spawnSync(process.execPath, ["bin/moddesk.mjs", "import", "problems", ...args], { env: { ...process.env, MODDESK_ALLOW_SUPERUSER: "1" }, encoding: "utf8", timeout: 50_000 });
    const listed = cli([String(summary.batchId)]);
    expect(listed.status).toBe(0);
    expect(listed.stdout.trimEnd().split("\r\n")).toHaveLength(summary.rejected + 1);
    const unknown = cli(["999999"]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/Error: there is no import batch #999999/);
  });

  it("are written to import_problem as the import goes, not held in memory until it ends", async () => {
    const BROKEN = 23_456;
    let storedMidway = -1;
    // A parser's events for a file of nothing but broken lines, then one good comment; halfway
    // through, what the database already holds.
    async function* brokenFile(): AsyncGenerator<ParseEvent> {
      for (let line = 1; line <= BROKEN; line++) {
        if (line === 20_001) storedMidway = await db.importProblem.count();
        yield { type: "problem", problem: { line, field: "postedAt", message: `line ${line}: postedAt is not a date` } };
      }
      yield { type: "article", line: BROKEN + 1, article: { key: "a1", title: "Bus timetable" } };
      yield { type: "comment", comment: { index: 0, line: BROKEN + 2, articleKey: "a1", source: "test", key: "id:c1", externalId: "c1", authorName: "reader", body: "A fine comment.", postedAt: new Date("2026-01-02T10:00:00Z") } };
    }
    const summary = await runImport({ events: brokenFile(), format: "jsonl", fileName: "broken.jsonl", via: "cli", actor: TEST_ACTOR, rules: rulesInThread(() => []) });

    expect(summary.rejected).toBe(BROKEN);
    expect(summary.added).toBe(1);
    // Before: every problem sat in summary.problems until the batch ended, and none was stored.
    expect(storedMidway).toBeGreaterThanOrEqual(15_000);
    expect(summary.problems).toHaveLength(SUMMARY_PROBLEMS);
    expect(summary.problems.at(-1)?.line).toBe(SUMMARY_PROBLEMS);

    const stored = await db.importProblem.findMany({ where: { batchId: summary.batchId }, orderBy: { id: "asc" }, select: { line: true } });
    expect(stored.map((row) => row.line)).toEqual(Array.from({ length: BROKEN }, (_, index) => index + 1));
    const batch = await db.importBatch.findUniqueOrThrow({ where: { id: summary.batchId }, select: { rejected: true, problems: true } });
    expect(batch.rejected).toBe(BROKEN);
    expect(batch.problems).toHaveLength(SUMMARY_PROBLEMS);
    const report = formatImportReport({ ...summary, format: "jsonl", fileName: "broken.jsonl" }, { dryRun: false });
    expect(report.at(-1)).toBe(`… and ${BROKEN - 50} more rejected rows: npm run moddesk -- import problems ${summary.batchId} lists every one (CSV)`);
  });

  it("of a dry run are handed over as they are found and not kept, and the CLI prints every one", async () => {
    const file = writeFileWithBadRows();
    const handed: number[] = [];
    const report = await dryRunFile({ filePath: file, onProblem: (problem) => handed.push(problem.line) });
    expect(report.rejected).toBeGreaterThan(1_000);
    expect(handed).toHaveLength(report.rejected);
    expect(handed.at(-1)).toBe(BAD_ROWS + 10);
    expect(report.problems).toEqual([]);

    const cli = spawnSync(process.execPath, ["bin/moddesk.mjs", "import", file, "--dry-run"], { env: { ...process.env, MODDESK_ALLOW_SUPERUSER: "1" }, encoding: "utf8", timeout: 50_000 });
    expect(cli.status).toBe(1);
    const lines = cli.stdout.trimEnd().split("\n");
    expect(lines.filter((line) => line.startsWith("rejected: "))).toHaveLength(report.rejected);
    expect(lines.some((line) => line.startsWith(`Dry run of ${file} (jsonl):`) && line.endsWith(`${report.rejected} rejected`))).toBe(true);
  });

  it("count a row once however many problems it has, and list each problem", async () => {
    const file = path.join(scratch, "two-problems.jsonl");
    const rows = [
      { id: "ok", article: { id: "a1", title: "Bus timetable" }, body: "A fine comment.", postedAt: "2026-01-02T10:00:00Z" },
      { id: "bad", article: { id: "a1" }, body: "   ", postedAt: "not a date" },
    ];
    writeFileSync(file, `${rows.map((row) => JSON.stringify(row)).join("\n")}\n{"broken\n`);
    const summary = await importFile({ filePath: file, format: "jsonl", via: "cli", actor: TEST_ACTOR });
    expect(summary).toMatchObject({ added: 1, rejected: 2 });
    const csv = await csvOf(summary.batchId, "two-problems.jsonl");
    expect(csv).toContain("two-problems.jsonl,2,body,body is blank");
    expect(csv).toContain("two-problems.jsonl,2,postedAt,");
    expect(csv.trimEnd().split("\n")).toHaveLength(1 + 3);
    const dryRun = await dryRunFile({ filePath: file, format: "jsonl" });
    expect(dryRun.rejected).toBe(2);
  });
});
