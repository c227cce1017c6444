import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { RULES_WORKER_MIN_BYTES } from "@/lib/import/import-file";

// A file past RULES_WORKER_MIN_BYTES through the CLI: its rules run on a worker thread while the
// parser and the database go on. Every comment must still arrive with exactly its flags, auto-hides
// decided, replies linked and the text searchable, as on the in-thread path.

const FLAG_TERM = "quorblent";
const HIDE_TERM = "snarfwize";
const COMMENTS = 16_000;
const PADDING = " and the power cuts went on all summer long in the city, said the reader".repeat(4);

const scratch = mkdtempSync(path.join(os.tmpdir(), "moddesk-rules-worker-"));
const file = path.join(scratch, "bulk.jsonl");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const termOf = (index: number) => (index % 5 === 0 ? FLAG_TERM : index % 97 === 0 ? HIDE_TERM : "");
const isReply = (index: number) => index % 10 === 3;

function writeBulkFile(): void {
  const lines: string[] = [];
  for (let index = 0; index < COMMENTS; index += 1) {
    const term = termOf(index);
    lines.push(JSON.stringify({ id: `w-${index}`, ...(isReply(index) ? { parentId: `w-${index - 1}` } : {}), article: { id: `worker-${index % 40}`, title: `Worker article ${index % 40}` }, author: `reader${index % 300}`, body: `Comment ${index}${term ? ` ${term}` : ""}${PADDING}`, postedAt: new Date(Date.UTC(2026, 1, 1, 0, 0, index)).toISOString() }));
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
}

const tsxLoader = pathToFileURL(path.resolve("node_modules/tsx/dist/loader.mjs")).href;

describe("a bulk import from the CLI, rules on a worker thread", () => {
  it("stores every comment with exactly its flags, auto-hides, reply links and search vector", async () => {
    writeBulkFile();
    expect(statSync(file).size).toBeGreaterThan(RULES_WORKER_MIN_BYTES);
    const flagRule = await db.rule.create({ data: { name: "worker-flag-term", category: "SPAM", kind: "TERMS", config: { terms: [FLAG_TERM] }, severity: 3 }, select: { id: true } });
    const hideRule = await db.rule.create({ data: { name: "worker-hide-term", category: "ABUSIVE", kind: "TERMS", config: { terms: [HIDE_TERM] }, severity: 5, action: "AUTO_HIDE" }, select: { id: true } });
    // The database tier logs in as its throwaway server's superuser, which the CLI refuses without the override.
    // Bounded, inside the test's 300 s: spawnSync blocks the event loop, so that timeout cannot fire during it.
    const run = spawnSync(process.execPath, ["--conditions=react-server", "--import", tsxLoader, "scripts/moddesk.ts", "import", file], { env: { ...process.env, MODDESK_ALLOW_SUPERUSER: "1" }, encoding: "utf8", timeout: 240_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`${COMMENTS} comment\\(s\\) added, 0 duplicate\\(s\\) skipped, 0 rejected`));

    const rows = await db.$queryRaw<{ externalId: string; status: string; priority: number; flagRules: number[]; parentExternalId: string | null; searchable: boolean }[]>`
      SELECT c."externalId", c.status::text, c.priority,
        coalesce((SELECT array_agg(f."ruleId" ORDER BY f."ruleId") FROM flag f WHERE f."commentId" = c.id AND f."ruleId" IN (${flagRule.id}, ${hideRule.id})), '{}') AS "flagRules",
        (SELECT p."externalId" FROM comment p WHERE p.id = c."parentId") AS "parentExternalId",
        c."searchVector" @@ to_tsquery('simple', 'summer & ' || split_part(c.body, ' ', 2)) AS searchable
      FROM comment c WHERE c."externalId" LIKE 'w-%'`;
    expect(rows).toHaveLength(COMMENTS);
    const wrong = rows.filter((row) => {
      const index = Number(row.externalId.slice(2));
      const term = termOf(index);
      const expectedRules = term === FLAG_TERM ? [flagRule.id] : term === HIDE_TERM ? [hideRule.id] : [];
      const expectedStatus = term === HIDE_TERM ? "HIDDEN" : "PENDING";
      const expectedParent = isReply(index) ? `w-${index - 1}` : null;
      return JSON.stringify(row.flagRules) !== JSON.stringify(expectedRules) || row.status !== expectedStatus || (term !== "") !== row.priority > 0 || row.parentExternalId !== expectedParent || !row.searchable;
    });
    expect(wrong.slice(0, 5)).toEqual([]);
    const hides = await db.decision.count({ where: { comment: { externalId: { startsWith: "w-" } }, action: "HIDE" } });
    expect(hides).toBe(rows.filter((row) => row.status === "HIDDEN").length);
  }, 300_000);
});
