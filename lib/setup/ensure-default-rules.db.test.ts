import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { importStream } from "@/lib/import/import-file";
import { stopBoss } from "@/lib/jobs/boss";
import { ensureDefaultRules, NO_ENABLED_RULES_WARNING } from "./ensure-default-rules";

const lines = (stamp: string) =>
  Readable.from([
    `${JSON.stringify({ id: `${stamp}-1`, body: "You idiot, read the article before you comment.", postedAt: "2026-01-05T10:00:00Z", article: { id: stamp, title: `Rules test ${stamp}` } })}\n`,
    `${JSON.stringify({ id: `${stamp}-2`, body: "A calm and useful remark.", postedAt: "2026-01-05T10:05:00Z", article: { id: stamp, title: `Rules test ${stamp}` } })}\n`,
  ]);

afterAll(() => stopBoss());

const importLines = (stamp: string) => importStream({ input: lines(stamp), fileName: `${stamp}.jsonl`, format: "jsonl", via: "cli", actor: SYSTEM_ACTOR });

describe("the first-run state every entry point needs", () => {
  it("an import into a database with no rules says so; after ensureDefaultRules (run by the CLI and the server) it does not", async () => {
    expect(await db.rule.count()).toBe(0);
    const bare = await importLines("bare");
    expect(bare.added).toBe(2);
    expect(bare.warnings[0]).toEqual({ line: 0, message: NO_ENABLED_RULES_WARNING });

    const said: string[] = [];
    const installed = await ensureDefaultRules((line) => said.push(line));
    expect(installed).toBeGreaterThan(0);
    expect(await db.rule.count()).toBe(installed);
    // The two comments imported before any rule are re-checked by a queued pass, as after a rule change.
    expect(await db.ruleRerun.findMany({ select: { status: true, pendingOnly: true, total: true, jobId: true } })).toEqual([{ status: "QUEUED", pendingOnly: true, total: 2, jobId: expect.any(String) }]);
    expect(said.at(-1)).toMatch(/^Re-checking the 2 pending comment\(s\) with the changed rules \(pass #\d+\)/);
    // Again (a second command, a restart): nothing more.
    expect(await Promise.all([ensureDefaultRules(), ensureDefaultRules()])).toEqual([0, 0]);
    expect(await db.rule.count()).toBe(installed);

    const ruled = await importLines("ruled");
    expect(ruled.warnings.map((warning) => warning.message)).not.toContain(NO_ENABLED_RULES_WARNING);
  });

  it("disabling every rule brings the warning back, and never reinstalls the pack", async () => {
    await ensureDefaultRules();
    const count = await db.rule.count();
    await db.rule.updateMany({ data: { enabled: false } });
    const summary = await importLines("disabled");
    expect(summary.warnings[0]?.message).toBe(NO_ENABLED_RULES_WARNING);
    expect(await ensureDefaultRules()).toBe(0);
    expect(await db.rule.count()).toBe(count);
  });
});
