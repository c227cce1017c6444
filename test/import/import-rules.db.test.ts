import { Readable } from "node:stream";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getPgPool } from "@/lib/db/pg-pool";
import { markInterruptedImports, startImportBatch } from "@/lib/import/import-batch";
import { importStream } from "@/lib/import/import-file";
import { installDefaultRulePack } from "@/lib/rules/install-default-pack";
import { storedComments, TEST_ACTOR } from "./import-helpers";

// Rules at import time (flags, priority, auto-hide) and the recovery of batches whose process died.

function jsonlImport(fileName: string, lines: object[]) {
  const text = lines.map((line) => JSON.stringify(line)).join("\n");
  return importStream({ input: Readable.from([Buffer.from(text, "utf8")]), fileName, format: "jsonl", via: "cli", actor: TEST_ACTOR });
}

function comment(id: string, body: string, minute = 0) {
  return { id, article: { id: "rules-article", title: "Cricket selectors drop the captain" }, author: `author-${id}`, body, postedAt: `2015-07-23T10:${String(minute).padStart(2, "0")}:00Z` };
}

describe("rules at import", () => {
  it("stores flags with the comment and raises its priority right away", async () => {
    await installDefaultRulePack(TEST_ACTOR);
    const summary = await jsonlImport("flags.jsonl", [comment("r-1", "You are an idiot and a moron."), comment("r-2", "The selectors made a fair call.", 1)]);
    expect(summary.added).toBe(2);
    const rows = await storedComments({ importBatchId: summary.batchId });
    const [abusive, clean] = rows;
    const flags = await db.flag.findMany({ where: { commentId: abusive?.id }, select: { category: true, reason: true, rule: { select: { name: true } } } });
    expect(flags.length).toBeGreaterThan(0);
    expect(flags.map((flag) => flag.rule.name)).toContain("abusive-english-insults");
    // The hand-written rules call it abuse; the shipped classifier's flags are scored on the corpus instead.
    expect(flags.filter((flag) => !flag.rule.name.startsWith("model-")).every((flag) => flag.category === "ABUSIVE")).toBe(true);
    expect(abusive?.priority).toBeGreaterThan(0);
    expect(abusive?.status).toBe("PENDING");
    expect(clean?.priority).toBe(0);
    expect(await db.flag.count({ where: { commentId: clean?.id } })).toBe(0);
  });

  it("hides a comment an AUTO_HIDE rule matches, with a system decision and an audit event", async () => {
    const rule = await db.rule.create({ data: { name: "auto-hide-casino", category: "SPAM", kind: "TERMS", config: { terms: ["casinoxyz"] }, severity: 4, action: "AUTO_HIDE" }, select: { id: true } });
    const summary = await jsonlImport("autohide.jsonl", [comment("h-1", "Win big at casinoxyz tonight", 2), comment("h-2", "A normal remark about the match.", 3)]);
    const rows = await storedComments({ importBatchId: summary.batchId });
    const [hidden, kept] = rows;
    expect(hidden).toMatchObject({ status: "HIDDEN", version: 1 });
    expect(kept).toMatchObject({ status: "PENDING", version: 0 });
    const decisions = await db.decision.findMany({ where: { commentId: hidden?.id } });
    expect(decisions).toEqual([expect.objectContaining({ action: "HIDE", fromStatus: "PENDING", toStatus: "HIDDEN", moderatorId: null, reason: "SPAM", note: "auto-hidden by auto-hide-casino" })]);
    const flags = await db.flag.findMany({ where: { commentId: hidden?.id, ruleId: rule.id } });
    expect(flags).toHaveLength(1);
    const audit = await db.auditEvent.findMany({ where: { action: "comment.auto_hide", entityId: String(hidden?.id) } });
    expect(audit).toEqual([expect.objectContaining({ actorLabel: "system", details: { decisionId: decisions[0]?.id, rules: ["auto-hide-casino"] } })]);
    expect(await db.decision.count({ where: { commentId: kept?.id } })).toBe(0);
  });

  it("does not auto-hide a comment the source already approved", async () => {
    const summary = await jsonlImport("approved.jsonl", [{ ...comment("h-3", "casinoxyz again", 4), status: "approved" }]);
    const [row] = await storedComments({ importBatchId: summary.batchId });
    expect(row?.status).toBe("APPROVED");
    expect(await db.decision.count({ where: { commentId: row?.id } })).toBe(0);
  });
});

describe("batches left RUNNING by a process that died", () => {
  it("are marked INTERRUPTED, with an audit event, when the next import starts; running ones are left alone", async () => {
    // A "killed" import: its own connection creates the batch and holds its lock, then dies.
    const dead = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await dead.connect();
    const deadBatch = await startImportBatch(dead as unknown as pg.PoolClient, { format: "csv", fileName: "killed.csv", via: "cli", actor: TEST_ACTOR });
    // A live import on another connection, still running.
    const live = await getPgPool().connect();
    const liveBatch = await startImportBatch(live, { format: "csv", fileName: "running.csv", via: "cli", actor: TEST_ACTOR });

    expect(await markInterruptedImports(live)).toEqual([]);
    await dead.end();

    const summary = await jsonlImport("next.jsonl", [comment("n-1", "After the crash.", 5)]);
    const statuses = await db.importBatch.findMany({ where: { id: { in: [deadBatch, liveBatch, summary.batchId] } }, orderBy: { id: "asc" }, select: { id: true, status: true, finishedAt: true } });
    expect(statuses.map((batch) => batch.status)).toEqual(["INTERRUPTED", "RUNNING", "COMPLETED"]);
    expect(statuses[0]?.finishedAt).not.toBeNull();
    const audit = await db.auditEvent.findMany({ where: { action: "import.interrupted", entityId: String(deadBatch) } });
    expect(audit).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { action: "import.interrupted", entityId: String(liveBatch) } })).toBe(0);
    live.release(true);
  });
});
