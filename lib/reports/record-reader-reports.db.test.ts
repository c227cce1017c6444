import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { withPgTransaction } from "@/lib/db/pg-pool";
import { isAppError } from "@/lib/errors";
import { ingestComments } from "@/lib/import/ingest-comments";
import { countQueueTabs } from "@/lib/moderation/count-queue-tabs";
import { decideComment } from "@/lib/moderation/decide-comment";
import { listQueue } from "@/lib/moderation/list-queue";
import { makeArticle, makeComment, makeModerator, uniqueId, walkQueue } from "@/lib/moderation/test-factories";
import { createRuleRerun } from "@/lib/rules/create-rule-rerun";
import { runRuleRerunSlice } from "@/lib/rules/run-rule-rerun";
import { seedRule } from "@/lib/rules/test-db-factories";
import { recordReaderReports, recordReportBatch } from "./record-reader-reports";
import { listReaderReports } from "./queries";
import { reportComment } from "./report-comment";
import type { ReaderReportInput } from "./schemas";

const ACTOR = { ...SYSTEM_ACTOR, label: "reports test" };

const record = (commentId: number, reports: ReaderReportInput[]) =>
  db.$transaction((tx) => recordReaderReports(tx, commentId, reports, { source: "api", hashSource: "test" }));
const stateOf = (id: number) => db.comment.findUniqueOrThrow({ where: { id }, select: { reportCount: true, reportPriority: true, priority: true } });

async function expectTabCountsExact() {
  const [scanned] = await db.$queryRaw<{ flagged: number; reported: number; pending: number }[]>`
    SELECT (count(*) FILTER (WHERE status = 'PENDING' AND priority > "reportPriority"))::int AS flagged,
           (count(*) FILTER (WHERE status = 'PENDING' AND "reportCount" > 0))::int AS reported,
           (count(*) FILTER (WHERE status = 'PENDING'))::int AS pending
    FROM comment`;
  expect(await countQueueTabs({ fresh: true })).toMatchObject(scanned!);
  return scanned!;
}

describe("recording reader reports", () => {
  it("counts a reader once per reason however often the site re-sends, and keeps an anonymous tally at its highest", async () => {
    const comment = await makeComment(await makeArticle());
    const first = await record(comment.id, [{ reason: "abusive", reporterId: "reader-1" }, { reason: "abusive", reporterId: "reader-2" }, { reason: "spam", count: 3 }]);
    expect(first).toEqual({ commentId: comment.id, added: 3, duplicates: 0, reportCount: 5 });

    // The same batch again: nothing new. The same reader for another reason: one more. A lower tally: ignored.
    expect(await record(comment.id, [{ reason: "abusive", reporterId: "reader-1" }, { reason: "abusive", reporterId: "reader-2" }, { reason: "spam", count: 3 }])).toMatchObject({ added: 0, duplicates: 3, reportCount: 5 });
    expect(await record(comment.id, [{ reason: "off_topic", reporterId: "reader-1" }, { reason: "spam", count: 2 }])).toMatchObject({ added: 1, duplicates: 1, reportCount: 6 });
    // The tally rose to 4: the stored 3 becomes 4, it is not added to.
    expect(await record(comment.id, [{ reason: "spam", count: 4 }])).toMatchObject({ added: 1, reportCount: 7 });
    // A reader's own count is always one; a repeat inside one batch folds.
    expect(await record(comment.id, [{ reason: "illegal", reporterId: "reader-3", count: 50 }, { reason: "illegal", reporterId: "reader-3" }])).toMatchObject({ added: 1, duplicates: 1, reportCount: 8 });

    const stored = await db.readerReport.findMany({ where: { commentId: comment.id }, select: { reporterKey: true } });
    expect(stored).toHaveLength(5);
    for (const row of stored) expect(row.reporterKey).toMatch(/^(hmac:[A-Za-z0-9_-]{43}|anonymous:test)$/);
    expect(JSON.stringify(stored)).not.toContain("reader-");
  });

  it("adds the reports' part to priority and keeps it through a rule re-run", async () => {
    const articleId = await makeArticle();
    const comment = await makeComment(articleId, { body: `the ${uniqueId("zorbulent")} word` });
    const word = (await db.comment.findUniqueOrThrow({ where: { id: comment.id }, select: { body: true } })).body.split(" ")[1]!;
    await record(comment.id, [{ reason: "spam", count: 3 }]);
    expect(await stateOf(comment.id)).toEqual({ reportCount: 3, reportPriority: 20, priority: 20 });

    await seedRule({ category: "SPAM", config: { terms: [word] }, severity: 3 });
    const rerun = await withPgTransaction((client) => createRuleRerun(client, SYSTEM_ACTOR, { pendingOnly: true }));
    await runRuleRerunSlice(rerun.id, { batchSize: 500 });
    const afterRerun = await stateOf(comment.id);
    expect(afterRerun.reportPriority).toBe(20);
    expect(afterRerun.priority).toBeGreaterThan(20);
    const rulePart = afterRerun.priority - 20;

    await record(comment.id, [{ reason: "spam", count: 7 }]);
    expect(await stateOf(comment.id)).toEqual({ reportCount: 7, reportPriority: 30, priority: rulePart + 30 });
    // Flagged by the rule, so in Flagged as well as Reported.
    expect((await listQueue({ tab: "flagged", filters: { article: articleId }, limit: 10 })).items.map((item) => item.id)).toEqual([comment.id]);
  });

  it("keeps the Reported and Flagged tab counts exact: a comment only readers reported is not flagged", async () => {
    const before = await expectTabCountsExact();
    const articleId = await makeArticle();
    const reportedOnly = await makeComment(articleId);
    const flaggedAndReported = await makeComment(articleId, { priority: 40 });
    await record(reportedOnly.id, [{ reason: "abusive" }]);
    await record(flaggedAndReported.id, [{ reason: "spam", reporterId: "r" }]);
    const after = await expectTabCountsExact();
    expect(after.reported).toBe(before.reported + 2);
    expect(after.flagged).toBe(before.flagged + 1);
    expect((await listQueue({ tab: "flagged", filters: { article: articleId }, limit: 10 })).items.map((item) => item.id)).toEqual([flaggedAndReported.id]);

    const moderator = await makeModerator();
    await decideComment({ action: "HIDE", commentId: reportedOnly.id, expectedVersion: 0, expectedStatus: "PENDING", reason: "ABUSIVE" }, moderator);
    expect((await expectTabCountsExact()).reported).toBe(before.reported + 1);
  });

  it("lists the Reported tab most reported first, then by priority, keyset-paged without loss or repeats", async () => {
    const articleId = await makeArticle();
    const base = Date.parse("2015-07-23T12:00:00Z");
    const made: { id: number; reports: number; priority: number; at: number }[] = [];
    for (let i = 0; i < 11; i++) {
      const priority = [0, 40, 0][i % 3]!;
      const at = base + (i % 4) * 60_000;
      const comment = await makeComment(articleId, { priority, postedAt: new Date(at) });
      const reports = [1, 2, 2, 5][i % 4]!;
      await record(comment.id, [{ reason: "abusive", count: reports }]);
      made.push({ id: comment.id, reports, priority: priority + (await stateOf(comment.id)).reportPriority, at });
    }
    await makeComment(articleId); // not reported: not in the tab
    const expected = [...made].sort((x, y) => y.reports - x.reports || y.priority - x.priority || x.at - y.at || x.id - y.id).map((row) => row.id);
    expect(await walkQueue("reported", { article: articleId }, 3)).toEqual(expected);
    const page = await listQueue({ tab: "reported", filters: { article: articleId }, limit: 1 });
    expect(page.items[0]?.reports).toEqual([{ reason: "abusive", count: 5 }]);
  });

  it("records the reports an ingest carries after the comments, dedupes a re-sent request and audits each batch", async () => {
    const source = uniqueId("site");
    const body = { id: uniqueId("article"), title: "Reported article", comments: [
      { id: "c1", source, body: "A comment readers dislike", postedAt: "2015-07-24T10:00:00Z", reports: [{ reason: "abusive", reporterId: "u1" }, { reason: "abusive", reporterId: "u2" }, { reason: "spam", reporterId: "u1" }] },
      { id: "c2", source, body: "A quiet comment", postedAt: "2015-07-24T10:01:00Z" },
      { id: "c3", source, body: "Bad reports", postedAt: "2015-07-24T10:02:00Z", reports: [{ reason: "rude" }] },
    ] };
    const first = await ingestComments(body, ACTOR);
    expect(first.comments.map((row) => [row.status, row.reports])).toEqual([
      ["created", { added: 3, duplicates: 0, reportCount: 3 }],
      ["created", undefined],
      ["rejected", undefined],
    ]);
    expect(first.comments[2]?.reason).toBe("reports[0].reason 'rude' is not one of 'abusive', 'spam', 'off_topic', 'illegal', 'other'");
    const again = await ingestComments(body, ACTOR);
    expect(again.comments[0]).toMatchObject({ status: "duplicate", id: first.comments[0]?.id, reports: { added: 0, duplicates: 3, reportCount: 3 } });

    const events = await db.auditEvent.findMany({ where: { action: "comment.report", entityType: "import_batch", entityId: { in: [String(first.batchId), String(again.batchId)] } }, orderBy: { id: "asc" } });
    expect(events.map((event) => event.details)).toMatchObject([{ source: "api", comments: 1, reports: 3, added: 3 }, { comments: 1, added: 0, duplicates: 3 }]);

    // The report endpoint finds the comment by its site's key; one more reader.
    const byKey = await reportComment({ source, externalId: "c1" }, [{ reason: "spam", reporterId: "u9" }], ACTOR);
    expect(byKey).toMatchObject({ commentId: first.comments[0]?.id, added: 1, reportCount: 4 });
    const page = await listQueue({ tab: "reported", filters: { article: (await db.comment.findUniqueOrThrow({ where: { id: byKey.commentId } })).articleId }, limit: 5 });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]?.reports).toHaveLength(2);
    expect(page.items[0]?.reports).toEqual(expect.arrayContaining([{ reason: "abusive", count: 2 }, { reason: "spam", count: 2 }]));
  });

  it("finds a comment a site connector pulled by the id the site gave it, though its key is scoped by site and post", async () => {
    const connector = await db.connector.upsert({ where: { kind: "wordpress" }, create: { kind: "wordpress", settings: {}, secret: "", enabled: false }, update: {} });
    const siteId = String(900_000 + Math.floor(Math.random() * 90_000));
    // The key the WordPress connector gives a pulled comment (lib/connectors/wordpress/pull.ts).
    const ingested = await ingestComments({ id: uniqueId("wp-post"), title: "A pulled post", comments: [{ id: `blog.example.net/5/${siteId}`, body: "Pulled from the site.", postedAt: "2026-01-02T09:00:00Z", source: "wordpress" }] }, ACTOR);
    const commentId = ingested.comments[0]!.id!;
    await db.connectorComment.create({ data: { connectorId: connector.id, commentId, externalId: siteId, siteVersion: "v1", siteStatus: "approved" } });

    const reported = await reportComment({ source: "wordpress", externalId: siteId }, [{ reason: "abusive", reporterId: "wp-user-3" }], ACTOR);
    expect(reported).toMatchObject({ commentId, added: 1, reportCount: 1 });
    const otherKind = await reportComment({ source: "disqus", externalId: siteId }, [{ reason: "spam" }], ACTOR).catch((caught: unknown) => caught);
    expect(isAppError(otherKind) && otherKind.code).toBe("NOT_FOUND");
  });

  it("refuses reports of a comment it does not have, and writes nothing", async () => {
    const error = await reportComment({ source: "nowhere", externalId: "missing" }, [{ reason: "spam" }], ACTOR).catch((caught: unknown) => caught);
    expect(isAppError(error) && error.code).toBe("NOT_FOUND");
    const byId = await reportComment({ id: 2_000_000_000 }, [{ reason: "spam" }], ACTOR).catch((caught: unknown) => caught);
    expect(isAppError(byId) && byId.code).toBe("NOT_FOUND");
    const count = await db.auditEvent.count({ where: { action: "comment.report", details: { path: ["source"], equals: "nowhere" } } });
    expect(count).toBe(0);
  });

  it("lists a comment's reports for its page without the readers' keys", async () => {
    const comment = await makeComment(await makeArticle());
    await record(comment.id, [{ reason: "off_topic", reporterId: "reader-7", note: "about football" }, { reason: "spam", count: 2 }]);
    const { reports: rows, total } = await listReaderReports(comment.id);
    expect(total).toBe(2);
    expect(rows.map(({ reason, count, note, source, isTally }) => ({ reason, count, note, source, isTally })).sort((a, b) => a.reason.localeCompare(b.reason))).toEqual([
      { reason: "off-topic", count: 1, note: "about football", source: "api", isTally: false },
      { reason: "spam", count: 2, note: null, source: "api", isTally: true },
    ]);
    expect(Object.keys(rows[0]!)).not.toContain("reporterKey");
  });

  it("lists the newest reports past the page's limit and counts every one", async () => {
    const comment = await makeComment(await makeArticle());
    await record(comment.id, ["reader-1", "reader-2", "reader-3", "reader-4", "reader-5"].map((reporterId) => ({ reason: "abusive" as const, reporterId })));
    const shown = await listReaderReports(comment.id, 3);
    expect(shown.reports).toHaveLength(3);
    expect(shown.total).toBe(5);
    const all = await listReaderReports(comment.id, 5);
    expect(all).toMatchObject({ total: 5, reports: expect.any(Array) });
    expect(all.reports).toHaveLength(5);
  });

  it("audits a one-comment batch against the comment", async () => {
    const comment = await makeComment(await makeArticle());
    await db.$transaction((tx) => recordReportBatch(tx, [{ commentId: comment.id, hashSource: "test", reports: [{ reason: "other", note: "Looks like an advert" }] }], { source: "wordpress", actor: ACTOR }));
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "comment.report", entityType: "comment", entityId: String(comment.id) } });
    expect(event.details).toMatchObject({ source: "wordpress", comments: 1, reports: 1, added: 1, reportCount: 1, reasons: { other: 1 } });
  });
});
