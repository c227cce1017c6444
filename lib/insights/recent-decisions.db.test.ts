import { beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { withPgTransaction } from "@/lib/db/pg-pool";
import type { FlagResult } from "@/lib/detect/types";
import { recordAutoHide } from "@/lib/import/write-comment-chunk";
import { bulkDecide } from "@/lib/moderation/bulk-decide";
import { decideComment } from "@/lib/moderation/decide-comment";
import { revertDecision } from "@/lib/moderation/revert-decision";
import { makeArticle, makeComment, makeModerator } from "@/lib/moderation/test-factories";
import { undoDecision } from "@/lib/moderation/undo-decision";
import { createRuleRerun } from "@/lib/rules/create-rule-rerun";
import { runRuleRerunSlice } from "@/lib/rules/run-rule-rerun";
import { seedRule } from "@/lib/rules/test-db-factories";
import { computeDecisionDaySummaries, computeRecentDecisionDays } from "./compute-decision-day-summaries";
import { addDays, makeRange, utcDay } from "./date-range";
import { getDecisionsMadeInRange } from "./decisions-made-in-range";
import { loadInsights } from "./load-insights";
import { refreshInsightsRollup } from "./refresh-insights-rollup";

// insights_decided_comment (migration insights_live_decisions) against the comments it stands for:
// after every kind of change, its rows are the decided comments of its days with their latest
// hide's reason, the live days computed from it equal those computed from the comments, and the
// page's decision figures equal the direct queries'. On the real clock: its days are the
// database's today and the three before.

const TODAY = utcDay(new Date());
const SINCE = addDays(TODAY, -3);
const range = makeRange(addDays(TODAY, -29), TODAY);
const RECENT = [SINCE, addDays(TODAY, -2), addDays(TODAY, -1), TODAY];
let article = 0;
let moderator: { id: string; label: string };
let colleague: { id: string; label: string };

beforeAll(async () => {
  article = await makeArticle("Recent decisions");
  moderator = await makeModerator("recent");
  colleague = await makeModerator("colleague");
});

interface HeldRow { commentId: number; day: string; status: string; decidedById: string | null; seconds: number; reason: string | null }

/** What the table holds, and what it should hold: every comment decided on or after its day, from the comments. */
async function heldAndExpected(): Promise<{ held: HeldRow[]; expected: HeldRow[] }> {
  const [held, expected] = await Promise.all([
    db.$queryRaw<HeldRow[]>`
      SELECT x."commentId", to_char(x.day, 'YYYY-MM-DD') AS day, x.status::text, x."decidedById", x.seconds,
             CASE WHEN x.status = 'HIDDEN' THEN x."hideReason"::text END AS reason
      FROM insights_decided_comment x ORDER BY 1`,
    db.$queryRaw<HeldRow[]>`
      SELECT c.id AS "commentId", to_char(c."decidedAt"::date, 'YYYY-MM-DD') AS day, c.status::text, c."decidedById",
             extract(epoch FROM c."decidedAt" - c."createdAt")::float8 AS seconds, h.reason::text AS reason
      FROM comment c
      LEFT JOIN LATERAL (SELECT d.reason FROM decision d WHERE c.status = 'HIDDEN' AND d."commentId" = c.id AND d."toStatus" = 'HIDDEN' ORDER BY d."createdAt" DESC, d.id DESC LIMIT 1) h ON TRUE
      WHERE c.status IN ('APPROVED', 'HIDDEN') AND c."decidedAt" >= (SELECT day FROM insights_decided_since) ORDER BY 1`,
  ]);
  return { held, expected };
}

async function expectSameAsComments(): Promise<void> {
  const { held, expected } = await heldAndExpected();
  expect(held).toEqual(expected);
  const recent = await computeRecentDecisionDays(db, RECENT);
  expect(recent.since).toBe(SINCE);
  expect(recent.summaries).toEqual(await computeDecisionDaySummaries(db, RECENT, "UTC"));
  const data = await loadInsights(range, { withModerators: true });
  expect({ latency: data.latency, reasons: data.reasons, moderators: data.moderators }).toEqual(await getDecisionsMadeInRange(range, { withModerators: true }));
}

const pending = (id: number, version = 0) => ({ commentId: id, expectedVersion: version, expectedStatus: "PENDING" as const });
/** The held row's status and, while hidden, its reason (an approved row's hide is not looked up). */
async function reasonOf(commentId: number) {
  const row = await db.insightsDecidedComment.findUnique({ where: { commentId }, select: { status: true, hideReason: true } });
  return row ? { status: row.status, hideReason: row.status === "HIDDEN" ? row.hideReason : null } : "none";
}

describe("the recent decisions in force (insights_decided_comment)", () => {
  it("follow decisions, undo, a colleague's re-decision and a revert, with the latest hide's reason", async () => {
    const first = await makeComment(article);
    const second = await makeComment(article);
    const hid = await decideComment({ action: "HIDE", reason: "SPAM", ...pending(first.id) }, moderator);
    await decideComment({ action: "APPROVE", ...pending(second.id) }, moderator);
    expect(await reasonOf(first.id)).toEqual({ status: "HIDDEN", hideReason: "SPAM" });
    await expectSameAsComments();

    const undone = await undoDecision({ decisionId: hid.decisionId, expectedVersion: hid.version }, moderator);
    expect(await reasonOf(first.id)).toBe("none");
    await expectSameAsComments();

    // Hidden again for another reason, approved by a colleague, and that approval reverted: the
    // revert's hide restores the reason it finds (ABUSIVE), the latest hide in force.
    const again = await decideComment({ action: "HIDE", reason: "ABUSIVE", ...pending(first.id, undone.version) }, moderator);
    const approved = await decideComment({ action: "APPROVE", commentId: first.id, expectedVersion: again.version, expectedStatus: "HIDDEN" }, colleague);
    expect(await reasonOf(first.id)).toEqual({ status: "APPROVED", hideReason: null });
    await expectSameAsComments();
    await revertDecision({ decisionId: approved.decisionId, expectedVersion: approved.version }, moderator);
    expect(await reasonOf(first.id)).toEqual({ status: "HIDDEN", hideReason: "ABUSIVE" });
    await expectSameAsComments();
  });

  it("follow bulk decisions and moderators deciding at once, one winner per comment", async () => {
    const comments = await Promise.all(Array.from({ length: 8 }, () => makeComment(article)));
    const outcomes = await bulkDecide({ action: "HIDE", reason: "OFF_TOPIC", items: comments.slice(0, 4).map((c) => pending(c.id)) }, moderator);
    expect(outcomes.map((o) => o.outcome)).toEqual(["decided", "decided", "decided", "decided"]);
    // Three moderators on the same four comments at once: each comment decided once, the rest conflict.
    const racers = [moderator, colleague, await makeModerator("third")];
    const raced = await Promise.allSettled(
      racers.flatMap((racer, index) => comments.slice(4).map((c) => decideComment(index === 1 ? { action: "APPROVE", ...pending(c.id) } : { action: "HIDE", reason: "NATIONALIST", ...pending(c.id) }, racer))),
    );
    expect(raced.filter((result) => result.status === "fulfilled")).toHaveLength(4);
    expect(await db.insightsDecidedComment.count({ where: { commentId: { in: comments.map((c) => c.id) } } })).toBe(8);
    await expectSameAsComments();
  });

  it("follow the rules' auto-hides, the importer's order (decision, then comment) and a re-run's", async () => {
    const imported = await makeComment(article, { body: "wholly ordinary" });
    const flag: FlagResult = { ruleId: "1", ruleVersion: 1, ruleName: "a rule", category: "SPAM", action: "AUTO_HIDE", severity: 5, score: 1, spans: [], reason: "spam words" };
    await withPgTransaction((client) => recordAutoHide(client, imported.id, [flag]));
    expect(await reasonOf(imported.id)).toEqual({ status: "HIDDEN", hideReason: "SPAM" });
    await seedRule({ config: { terms: ["blorptastic"] }, action: "AUTO_HIDE", category: "ABUSIVE", severity: 5 });
    const matched = await makeComment(article, { body: "so blorptastic" });
    const rerun = await withPgTransaction((client) => createRuleRerun(client, SYSTEM_ACTOR));
    await runRuleRerunSlice(rerun.id, { batchSize: 50 });
    expect(await reasonOf(matched.id)).toEqual({ status: "HIDDEN", hideReason: "ABUSIVE" });
    await expectSameAsComments();
    // A re-run that only changes priorities leaves the decisions (and the table) alone.
    const before = await heldAndExpected();
    await db.comment.updateMany({ where: { articleId: article }, data: { priority: 3 } });
    expect((await heldAndExpected()).held).toEqual(before.held);
  });

  it("follow comments written already decided with their decisions in one statement (the scale seed's way), and deleted", async () => {
    const ids = await db.$queryRaw<{ id: number }[]>`
      WITH added AS (
        INSERT INTO comment ("articleId", source, "dedupeKey", "contentHash", body, "postedAt", "createdAt", status, version, "decidedAt", "decidedById")
        SELECT ${article}, 'test', 'test:seeded:' || g || ':' || ${moderator.id}, md5(g::text), 'seeded ' || g, now() - interval '3 hours', now() - interval '2 hours',
               (CASE WHEN g % 2 = 0 THEN 'HIDDEN' ELSE 'APPROVED' END)::"CommentStatus", 1, now() - interval '1 hour', CASE WHEN g % 3 = 0 THEN NULL ELSE ${moderator.id} END
        FROM generate_series(1, 6) g
        RETURNING id, status, "decidedAt", "decidedById"),
      decided AS (
        INSERT INTO decision ("commentId", action, "fromStatus", "toStatus", reason, "moderatorId", "createdAt")
        SELECT id, (CASE WHEN status = 'HIDDEN' THEN 'HIDE' ELSE 'APPROVE' END)::"DecisionAction", 'PENDING', status,
               -- Hides with no reason and with OTHER are one figure (OTHER), as the direct query counts them.
               (CASE WHEN status = 'APPROVED' THEN NULL WHEN id % 3 = 0 THEN 'NATIONALIST' WHEN id % 3 = 1 THEN 'OTHER' END)::"ReasonCategory", "decidedById", "decidedAt"
        FROM added RETURNING "commentId")
      SELECT "commentId" AS id FROM decided`;
    const hidden = await db.decision.findMany({ where: { commentId: { in: ids.map((row) => row.id) }, toStatus: "HIDDEN" }, select: { commentId: true, reason: true } });
    expect(hidden).toHaveLength(3);
    for (const { commentId, reason } of hidden) expect(await reasonOf(commentId)).toEqual({ status: "HIDDEN", hideReason: reason });
    await expectSameAsComments();
    await db.decision.deleteMany({ where: { commentId: { in: ids.map((row) => row.id) } } });
    await db.comment.deleteMany({ where: { id: { in: ids.map((row) => row.id) } } });
    expect(await db.insightsDecidedComment.count({ where: { commentId: { in: ids.map((row) => row.id) } } })).toBe(0);
    await expectSameAsComments();
  });

  it("hold days from three days ago on: older changed days come from the comments, and the refresh prunes", async () => {
    // A decision five days ago, then re-decided today: the old day is live (dirty) and computed from the comments.
    const old = await makeComment(article, { postedAt: new Date(Date.parse(`${addDays(TODAY, -6)}T12:00:00Z`)) });
    const fiveDaysAgo = new Date(Date.parse(`${addDays(TODAY, -5)}T12:00:00Z`));
    await db.comment.update({ where: { id: old.id }, data: { status: "APPROVED", version: 1, decidedAt: fiveDaysAgo, decidedById: colleague.id } });
    await db.decision.create({ data: { commentId: old.id, action: "APPROVE", fromStatus: "PENDING", toStatus: "APPROVED", moderatorId: colleague.id, createdAt: fiveDaysAgo } });
    expect(await reasonOf(old.id)).toBe("none");
    await expectSameAsComments();
    await decideComment({ action: "HIDE", reason: "SPAM", commentId: old.id, expectedVersion: 1, expectedStatus: "APPROVED" }, moderator);
    expect(await reasonOf(old.id)).toEqual({ status: "HIDDEN", hideReason: "SPAM" });
    await expectSameAsComments();

    // As if the table had been kept from a week ago: the refresh moves its day and drops the older rows.
    const stray = await makeComment(article);
    await db.$executeRaw`UPDATE insights_decided_since SET day = ${addDays(TODAY, -7)}::date`;
    await db.$executeRaw`INSERT INTO insights_decided_comment ("commentId", day, status, seconds) VALUES (${stray.id}, ${addDays(TODAY, -6)}::date, 'APPROVED', 1)`;
    await refreshInsightsRollup();
    expect(utcDay((await db.insightsDecidedSince.findUniqueOrThrow({ where: { id: 1 } })).day)).toBe(SINCE);
    expect(await reasonOf(stray.id)).toBe("none");
    await expectSameAsComments();
  });
});
