import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";

// A real fault: the import process is killed with SIGKILL mid-file, then run again.

const COMMENTS = 60_000;
const scratch = mkdtempSync(path.join(os.tmpdir(), "moddesk-killed-import-"));
const file = path.join(scratch, "large.jsonl");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function writeLargeFile(): void {
  const lines: string[] = [];
  for (let index = 0; index < COMMENTS; index += 1) {
    lines.push(JSON.stringify({ id: `k-${index}`, article: { id: `killed-${index % 20}`, title: `Killed import article ${index % 20}` }, author: `reader${index % 300}`, body: `Comment number ${index} on the power cuts this summer`, postedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString() }));
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
}

// The process that does the work (bin/moddesk.mjs would only be its parent: killing that one with
// SIGKILL leaves the import running).
const tsxLoader = pathToFileURL(path.resolve("node_modules/tsx/dist/loader.mjs")).href;
const cli = ["--conditions=react-server", "--import", tsxLoader, "scripts/moddesk.ts", "import", file];

describe("an import killed with SIGKILL in the middle of a large file", () => {
  it("leaves no partial comment; the rerun stores every comment exactly once and the batches say interrupted then completed", async () => {
    writeLargeFile();
    const child = spawn(process.execPath, cli, { env: process.env, stdio: "ignore" });
    // Kill it once some chunks have landed but before the end.
    await vi.waitFor(async () => expect(await db.comment.count({ where: { source: "moddesk", externalId: { startsWith: "k-" } } })).toBeGreaterThan(0), { timeout: 120_000, interval: 20 });
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    const afterKill = await db.comment.count({ where: { externalId: { startsWith: "k-" } } });
    expect(afterKill).toBeLessThan(COMMENTS);
    // Whole chunks only: a chunk is one transaction.
    const running = await db.importBatch.findFirstOrThrow({ where: { fileName: "large.jsonl" }, orderBy: { id: "asc" } });
    expect(running.status).toBe("RUNNING");

    const rerun = spawnSync(process.execPath, cli, { env: process.env, encoding: "utf8" });
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(rerun.stdout).toMatch(new RegExp(`${COMMENTS - afterKill} comment\\(s\\) added, ${afterKill} duplicate\\(s\\) skipped, 0 rejected`));

    expect(await db.comment.count({ where: { externalId: { startsWith: "k-" } } })).toBe(COMMENTS);
    const duplicates = await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM (SELECT "externalId" FROM comment WHERE "externalId" LIKE 'k-%' GROUP BY "externalId" HAVING count(*) > 1) AS twice`;
    expect(Number(duplicates[0]?.count)).toBe(0);
    const batches = await db.importBatch.findMany({ where: { fileName: "large.jsonl" }, orderBy: { id: "asc" }, select: { status: true } });
    expect(batches.map((batch) => batch.status)).toEqual(["INTERRUPTED", "COMPLETED"]);
  });
});
