import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { withPgTransaction } from "@/lib/db/pg-pool";
import { importStream } from "@/lib/import/import-file";
import { createRuleRerun } from "@/lib/rules/create-rule-rerun";
import { runRuleRerunSlice } from "@/lib/rules/run-rule-rerun";
import { seedRule } from "@/lib/rules/test-db-factories";
import { bulkDecide } from "./bulk-decide";
import { countQueueTabs, foldQueueTabDeltas } from "./count-queue-tabs";
import { decideComment } from "./decide-comment";
import { hideAuthorPending } from "./hide-author-pending";
import { undoDecision } from "./undo-decision";
import { makeArticle, makeComment, makeModerator, uniqueId } from "./test-factories";

// The tab counts are kept by triggers, not counted: after every kind of change they must equal a
// full count over comment, the oracle computed here by hand.

const ACTOR = { ...SYSTEM_ACTOR, label: "test" };

async function countedByScan() {
  const rows = await db.$queryRaw<{ flagged: number; reported: number; pending: number; approved: number; hidden: number; all: number }[]>`
    SELECT (count(*) FILTER (WHERE status = 'PENDING' AND priority > "reportPriority"))::int AS flagged,
           (count(*) FILTER (WHERE status = 'PENDING' AND "reportCount" > 0))::int AS reported, (count(*) FILTER (WHERE status = 'PENDING'))::int AS pending,
           (count(*) FILTER (WHERE status = 'APPROVED'))::int AS approved, (count(*) FILTER (WHERE status = 'HIDDEN'))::int AS hidden, count(*)::int AS "all"
    FROM comment`;
  return rows[0];
}

async function expectCountsExact(expected?: Partial<Awaited<ReturnType<typeof countedByScan>>>) {
  const scanned = await countedByScan();
  expect(await countQueueTabs({ fresh: true })).toEqual(scanned);
  if (expected) expect(scanned).toMatchObject(expected);
}

function importJsonl(lines: { id: string; body: string; author?: string }[]) {
  const text = lines.map((line, index) => JSON.stringify({ id: line.id, article: { id: "counts-article", title: "Counts" }, author: line.author ?? `a-${line.id}`, body: line.body, postedAt: `2015-07-23T10:${String(index % 60).padStart(2, "0")}:00Z` })).join("\n");
  return importStream({ input: Readable.from([Buffer.from(text, "utf8")]), fileName: "counts.jsonl", format: "jsonl", via: "cli", actor: ACTOR });
}

describe("queue tab counts kept by triggers", () => {
  it("equal a full count after imports, decisions, bulk, undo, author hides, re-runs, deletes and a truncate", async () => {
    await expectCountsExact({ all: 0 });
    const rule = await seedRule({ config: { terms: ["zorblax"] }, action: "FLAG", severity: 3 });
    const batch = uniqueId("b");
    // The import's COPY path: 40 comments, every fourth with a term the rule flags.
    const summary = await importJsonl(Array.from({ length: 40 }, (_, i) => ({ id: `${batch}-${i}`, body: i % 4 === 0 ? `a zorblax here ${i}` : `fine words ${i}`, author: i < 5 ? "loud-reader" : undefined })));
    expect(summary.added).toBe(40);
    await expectCountsExact({ all: 40, pending: 40, flagged: 10 });
    // The same file again adds nothing.
    await importJsonl(Array.from({ length: 40 }, (_, i) => ({ id: `${batch}-${i}`, body: i % 4 === 0 ? `a zorblax here ${i}` : `fine words ${i}` })));
    await expectCountsExact({ all: 40 });

    const moderator = await makeModerator();
    const comments = await db.comment.findMany({ where: { importBatchId: summary.batchId }, orderBy: { id: "asc" }, select: { id: true, version: true, status: true, priority: true } });
    const [first, second] = comments;
    const hid = await decideComment({ action: "HIDE", reason: "SPAM", commentId: first!.id, expectedVersion: 0, expectedStatus: "PENDING" }, moderator);
    await decideComment({ action: "APPROVE", commentId: second!.id, expectedVersion: 0, expectedStatus: "PENDING" }, moderator);
    await expectCountsExact({ hidden: 1, approved: 1, pending: 38, flagged: 9 });

    await undoDecision({ decisionId: hid.decisionId, expectedVersion: hid.version }, moderator);
    await expectCountsExact({ hidden: 0, approved: 1, flagged: 10 });

    await bulkDecide({ action: "HIDE", reason: "ABUSIVE", items: comments.slice(10, 20).map((c) => ({ commentId: c.id, expectedVersion: 0, expectedStatus: "PENDING" as const })) }, moderator);
    await expectCountsExact({ hidden: 10 });
    await hideAuthorPending({ authorName: "loud-reader", reason: "SPAM" }, moderator);
    await expectCountsExact();

    // Twenty decisions at once, each in its own transaction and connection.
    const pending = await db.comment.findMany({ where: { status: "PENDING" }, select: { id: true, version: true } });
    await Promise.all(pending.slice(0, 20).map((c, i) => decideComment({ action: i % 2 ? "APPROVE" : "HIDE", reason: "OTHER", commentId: c.id, expectedVersion: c.version, expectedStatus: "PENDING" }, moderator)));
    await expectCountsExact();

    // A re-run with a new rule changes priorities in bulk.
    await seedRule({ config: { terms: ["fine"] }, action: "FLAG", severity: 2 });
    const article = await makeArticle();
    for (let i = 0; i < 5; i++) await makeComment(article, { body: `fine again ${i}` });
    const rerun = await withPgTransaction((client) => createRuleRerun(client, SYSTEM_ACTOR));
    await runRuleRerunSlice(rerun.id, { batchSize: 7 });
    await expectCountsExact();
    expect((await countedByScan())?.flagged).toBeGreaterThan(0);
    await db.rule.update({ where: { id: rule.id }, data: { enabled: false } });

    // Deletes, then a fold of every delta into one row, then a truncate.
    await db.comment.deleteMany({ where: { articleId: article } });
    await expectCountsExact();
    await foldQueueTabDeltas();
    expect(await db.$queryRaw`SELECT count(*)::int AS n FROM queue_tab_delta`).toEqual([{ n: 1 }]);
    await expectCountsExact();
    await db.$executeRawUnsafe(`TRUNCATE flag, decision, comment_note, comment, article, import_batch RESTART IDENTITY CASCADE`);
    await expectCountsExact({ all: 0 });
  });
});
