import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { CHUNK_SIZE } from "@/lib/import/run-import";

// A real fault: the import process is killed with SIGKILL mid-file, then run again. A third of the
// bodies carry a term a rule flags, so "no comment without its flags" is checked on real flags.

const FLAGGED_TERM = "zorblaxed";
const isFlaggedIndex = (index: number) => index % 3 === 0;

const COMMENTS = 60_000;
const scratch = mkdtempSync(path.join(os.tmpdir(), "moddesk-killed-import-"));
const file = path.join(scratch, "large.jsonl");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function writeLargeFile(): void {
  const lines: string[] = [];
  for (let index = 0; index < COMMENTS; index += 1) {
    lines.push(JSON.stringify({ id: `k-${index}`, article: { id: `killed-${index % 20}`, title: `Killed import article ${index % 20}` }, author: `reader${index % 300}`, body: `Comment number ${index} on the power cuts this summer${isFlaggedIndex(index) ? `, totally ${FLAGGED_TERM}` : ""}`, postedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString() }));
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
}

// The process that does the work (bin/moddesk.mjs would only be its parent: killing that one with
// SIGKILL leaves the import running).
const tsxLoader = pathToFileURL(path.resolve("node_modules/tsx/dist/loader.mjs")).href;
// The database tier logs in as its throwaway server's superuser, which the CLI refuses without the override.
const cliEnv = { ...process.env, MODDESK_ALLOW_SUPERUSER: "1" };
const cli = ["--conditions=react-server", "--import", tsxLoader, "scripts/moddesk.ts", "import", file];

describe("an import killed with SIGKILL in the middle of a large file", () => {
  it("leaves no partial comment; the rerun stores every comment exactly once and the batches say interrupted then completed", async () => {
    writeLargeFile();
    const rule = await db.rule.create({ data: { name: "killed-import-term", category: "SPAM", kind: "TERMS", config: { terms: [FLAGGED_TERM] }, severity: 3 }, select: { id: true } });
    const child = spawn(process.execPath, cli, { env: cliEnv, stdio: "ignore" });
    // Kill it once some chunks have landed but before the end.
    await vi.waitFor(async () => expect(await db.comment.count({ where: { source: "moddesk", externalId: { startsWith: "k-" } } })).toBeGreaterThan(0), { timeout: 120_000, interval: 20 });
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    const afterKill = await db.comment.count({ where: { externalId: { startsWith: "k-" } } });
    expect(afterKill).toBeLessThan(COMMENTS);
    // Whole chunks only: a chunk is one transaction (the file has no duplicates or rejects, so every chunk is full).
    expect(afterKill % CHUNK_SIZE).toBe(0);
    await expectEveryCommentWithItsFlags(rule.id, afterKill);
    const running = await db.importBatch.findFirstOrThrow({ where: { fileName: "large.jsonl" }, orderBy: { id: "asc" } });
    expect(running.status).toBe("RUNNING");

    // Bounded, inside the test's 300 s: spawnSync blocks the event loop, so that timeout cannot fire during it.
    const rerun = spawnSync(process.execPath, cli, { env: cliEnv, encoding: "utf8", timeout: 240_000 });
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(rerun.stdout).toMatch(new RegExp(`${COMMENTS - afterKill} comment\\(s\\) added, ${afterKill} duplicate\\(s\\) skipped, 0 rejected`));

    expect(await db.comment.count({ where: { externalId: { startsWith: "k-" } } })).toBe(COMMENTS);
    await expectEveryCommentWithItsFlags(rule.id, COMMENTS);
    const duplicates = await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM (SELECT "externalId" FROM comment WHERE "externalId" LIKE 'k-%' GROUP BY "externalId" HAVING count(*) > 1) AS twice`;
    expect(Number(duplicates[0]?.count)).toBe(0);
    const batches = await db.importBatch.findMany({ where: { fileName: "large.jsonl" }, orderBy: { id: "asc" }, select: { status: true } });
    expect(batches.map((batch) => batch.status)).toEqual(["INTERRUPTED", "COMPLETED"]);
    // Two imports of 60,000 comments in child processes: minutes on a busy machine.
  }, 300_000);
});

/** Each stored comment whose body has the term carries exactly one flag of the rule and a priority; the others none. */
async function expectEveryCommentWithItsFlags(ruleId: number, stored: number): Promise<void> {
  const rows = await db.$queryRaw<{ hasTerm: boolean; flags: number; priority: number }[]>`
    SELECT c.body LIKE ${`%${FLAGGED_TERM}%`} AS "hasTerm", (SELECT count(*)::int FROM flag f WHERE f."commentId" = c.id AND f."ruleId" = ${ruleId}) AS flags, c.priority
    FROM comment c WHERE c."externalId" LIKE 'k-%'`;
  expect(rows).toHaveLength(stored);
  const withTerm = rows.filter((row) => row.hasTerm);
  // A third of each whole chunk (the file's ids are in order, chunks are consecutive lines).
  expect(withTerm.length).toBeGreaterThanOrEqual(Math.floor(stored / 3));
  expect(withTerm.filter((row) => row.flags !== 1 || row.priority <= 0)).toEqual([]);
  expect(rows.filter((row) => !row.hasTerm && (row.flags !== 0 || row.priority !== 0))).toEqual([]);
}
