import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getArticleInsights } from "./article-insights";
import { addDays, makeRange, utcDay } from "./date-range";
import { getDecisionsMadeInRange } from "./decisions-made-in-range";
import { loadInsights } from "./load-insights";
import { refreshInsightsRollup } from "./refresh-insights-rollup";
import { hours, makeArticle, makeComment, makeUser } from "./test-factories";

// The decision-day summaries and the per-article counts against the direct queries, on the real
// clock (the triggers' "today" is the database's): decisions stored ten and nine days ago, then a
// decision made today, one undone, one of those days re-opened by a late decision.
const NOW = new Date();
const TODAY = utcDay(NOW);
const P1 = addDays(TODAY, -10);
const P2 = addDays(TODAY, -9);
const at = (day: string, hour: number) => hours(new Date(`${day}T00:00:00Z`), hour);
const range = makeRange(addDays(TODAY, -29), TODAY);
const ids = { mod1: "", mod2: "", article: 0, other: 0, hidden: 0, approved: 0, pending: 0 };

beforeAll(async () => {
  ids.mod1 = await makeUser("Day One");
  ids.mod2 = await makeUser("Day Two");
  ids.article = await makeArticle("Across days");
  ids.other = await makeArticle("One day");
  const { mod1, mod2, article, other } = ids;
  // The article has comments on P1, P2 and today: its row sums stored and live posted days.
  ids.hidden = await makeComment({ articleId: article, postedAt: at(P1, 1), decisions: [{ action: "HIDE", to: "HIDDEN", at: at(P1, 3), by: mod1, reason: "SPAM" }] });
  ids.approved = await makeComment({ articleId: article, postedAt: at(P1, 2), decisions: [{ action: "APPROVE", to: "APPROVED", at: at(P2, 1), by: mod2 }] });
  await makeComment({ articleId: article, postedAt: at(P2, 4), decisions: [{ action: "HIDE", to: "HIDDEN", at: at(P2, 4), by: null, reason: "ABUSIVE" }] });
  ids.pending = await makeComment({ articleId: other, postedAt: at(P2, 5) });
  await makeComment({ articleId: other, postedAt: at(P2, 6), decisions: [{ action: "HIDE", to: "HIDDEN", at: at(P2, 9), by: mod2, reason: "OFF_TOPIC" }] });
  await makeComment({ articleId: article, postedAt: hours(NOW, -0.01) });
});

async function decide(commentId: number, to: "APPROVED" | "HIDDEN" | "PENDING", action: "APPROVE" | "HIDE" | "UNDO" | "REVERT", by: string, reason?: "SPAM" | "ABUSIVE"): Promise<void> {
  const comment = await db.comment.findUniqueOrThrow({ where: { id: commentId }, select: { status: true, version: true } });
  const decidedAt = to === "PENDING" ? null : NOW;
  await db.$transaction([
    db.comment.update({ where: { id: commentId }, data: { status: to, version: comment.version + 1, decidedAt, decidedById: to === "PENDING" ? null : by } }),
    db.decision.create({ data: { commentId, action, fromStatus: comment.status, toStatus: to, reason: reason ?? null, moderatorId: by, createdAt: NOW } }),
  ]);
}

async function dirtyDecisionDays(): Promise<string[]> {
  return (await db.insightsDirtyDecisionDay.findMany({ select: { day: true }, orderBy: { day: "asc" } })).map((row) => utcDay(row.day));
}

async function expectSameAsDirect(): Promise<Awaited<ReturnType<typeof loadInsights>>> {
  const data = await loadInsights(range, { withModerators: true, now: NOW });
  const direct = await getDecisionsMadeInRange(range, { withModerators: true });
  expect({ latency: data.latency, reasons: data.reasons, moderators: data.moderators }).toEqual(direct);
  expect(data.articles).toEqual(await getArticleInsights(range));
  return data;
}

describe("decision-day summaries", () => {
  it("store past decision days and give the direct figures; the articles sum their posted days", async () => {
    expect(await dirtyDecisionDays()).toEqual([P1, P2]);
    await expectSameAsDirect();
    await refreshInsightsRollup({ now: NOW });
    expect(await dirtyDecisionDays()).toEqual([]);
    const stored = await db.insightsDecisionDay.findMany({ select: { day: true, summary: true }, orderBy: { day: "asc" } });
    expect(stored.map((row) => [utcDay(row.day), row.summary])).toEqual([
      [P1, { day: P1, approved: 0, reasons: { SPAM: [1, 0] }, moderators: { [ids.mod1]: [1, 0, 1] } }],
      [P2, { day: P2, approved: 1, reasons: { ABUSIVE: [0, 1], OFF_TOPIC: [1, 0] }, moderators: { [ids.mod2]: [2, 1, 1] } }],
    ]);
    const data = await expectSameAsDirect();
    expect(data.articles.articles).toBe(2);
    expect(data.articles.top[0]).toMatchObject({ articleId: ids.article, comments: 4, hidden: 2 });
    expect(data.reasons).toEqual({ hidden: [{ reason: "OFF_TOPIC", byModerators: 1, byRules: 0 }, { reason: "SPAM", byModerators: 1, byRules: 0 }, { reason: "ABUSIVE", byModerators: 0, byRules: 1 }], approved: 1 });
  });

  it("count a decision made today live, on today", async () => {
    await decide(ids.pending, "APPROVED", "APPROVE", ids.mod1);
    expect(await dirtyDecisionDays()).toEqual([TODAY]);
    const data = await expectSameAsDirect();
    expect(data.latency.byDay.map((point) => point.day)).toEqual([P1, P2, TODAY]);
    expect(data.reasons.approved).toBe(2);
    await refreshInsightsRollup({ now: NOW });
    expect(await dirtyDecisionDays()).toEqual([TODAY]);
  });

  it("drop an undone decision from its stored day, which is live until the next refresh", async () => {
    await decide(ids.hidden, "PENDING", "UNDO", ids.mod1);
    expect(await dirtyDecisionDays()).toEqual([P1, TODAY]);
    const data = await expectSameAsDirect();
    expect(data.latency.byDay.map((point) => point.day)).toEqual([P2, TODAY]);
    await refreshInsightsRollup({ now: NOW });
    expect(await db.insightsDecisionDay.count({ where: { day: new Date(P1) } })).toBe(0);
    await expectSameAsDirect();
  });

  it("re-open a stored day when a late decision replaces one made on it", async () => {
    await decide(ids.approved, "HIDDEN", "HIDE", ids.mod2, "SPAM");
    expect(await dirtyDecisionDays()).toEqual([P2, TODAY]);
    const data = await expectSameAsDirect();
    expect(data.reasons.approved).toBe(1);
    expect(data.moderators?.find((row) => row.moderatorId === ids.mod2)).toMatchObject({ decided: 2, approved: 0, hidden: 2 });
    await refreshInsightsRollup({ now: NOW });
    expect(await dirtyDecisionDays()).toEqual([TODAY]);
    await expectSameAsDirect();
  });

  it("are not re-opened by a change that leaves the decisions alone (a rule re-run's new priority)", async () => {
    await db.comment.updateMany({ where: { articleId: ids.article }, data: { priority: 5 } });
    expect(await dirtyDecisionDays()).toEqual([TODAY]);
    await expectSameAsDirect();
  });
});
