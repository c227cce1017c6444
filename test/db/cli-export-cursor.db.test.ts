import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";

// `moddesk export` takes --after and ends its summary with the next cursor, alone on the last line
// of stderr, so a cron job can keep it with `tail -n 1`.

// Bounded below the test's 60 s: spawnSync blocks the event loop, so that timeout cannot fire during it.
const cli = (args: string[]) =>
  spawnSync(process.execPath, ["bin/moddesk.mjs", ...args], { env: { ...process.env, MODDESK_ALLOW_SUPERUSER: "1" }, encoding: "utf8", timeout: 50_000 });

const idsOf = (jsonl: string) =>
  jsonl
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => (JSON.parse(line) as { decision_id: number }).decision_id);

describe("moddesk export --after", () => {
  it("prints the next cursor last, and --after it exports only what came since", async () => {
    const article = await db.article.create({ data: { key: `test:${randomUUID()}`, title: "CLI cursor" } });
    const comment = await db.comment.create({ data: { articleId: article.id, body: "Words", source: "test", dedupeKey: `test:id:${randomUUID()}`, contentHash: randomUUID(), postedAt: new Date("2026-11-01T08:00:00Z") } });
    const decide = async () => (await db.decision.create({ data: { commentId: comment.id, action: "HIDE", fromStatus: "PENDING", toStatus: "HIDDEN", createdAt: new Date("2026-11-02T10:00:00Z") } })).id;
    const first = await decide();
    const full = cli(["export", "--format", "jsonl", "--article", String(article.id)]);
    expect(full.status, full.stderr).toBe(0);
    expect(idsOf(full.stdout)).toEqual([first]);
    const cursor = /^next cursor: (\S+)$/.exec(full.stderr.trimEnd().split("\n").at(-1) ?? "")?.[1] ?? "";
    expect(cursor).toMatch(/^[0-9a-f]{12}\.\d+:\d+:[\d,]*$/);

    const second = await decide();
    const next = cli(["export", "--format", "jsonl", "--article", String(article.id), "--after", cursor]);
    expect(next.status, next.stderr).toBe(0);
    expect(idsOf(next.stdout)).toEqual([second]);

    const refused = cli(["export", "--format", "jsonl", "--after", "2026-11-02"]);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain("--after");
  });
});
