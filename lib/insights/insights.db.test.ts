import { beforeAll, describe, expect, it } from "vitest";
import { getArticleInsights } from "./article-insights";
import { makeRange } from "./date-range";
import { getDecisionLatency } from "./decision-latency";
import { getDecisionsByReason } from "./decisions-by-reason";
import { getFlagInsights } from "./flag-insights";
import { loadInsights } from "./load-insights";
import { getModeratorThroughput } from "./moderator-throughput";
import { getQueueOverTime } from "./queue-over-time";
import { refreshInsightsRollup } from "./refresh-insights-rollup";
import { resolveDateRange } from "./resolve-date-range";
import { hours, makeArticle, makeComment, makeRule, makeUser } from "./test-factories";

// A small hand-computed world, all figures below worked out on paper from these seeds.
const DAY1 = new Date("2015-03-10T08:00:00Z");
const DAY3 = new Date("2015-03-12T08:00:00Z");
const range = makeRange("2015-03-10", "2015-03-12");
const ids = { ruleA: 0, ruleB: 0, ruleC: 0, mod1: "", mod2: "", article1: 0, article2: 0 };

beforeAll(async () => {
  ids.mod1 = await makeUser("Mod One");
  ids.mod2 = await makeUser("Mod Two");
  ids.ruleA = await makeRule("ABUSIVE", "A abuse");
  ids.ruleB = await makeRule("SPAM", "B never fires");
  ids.ruleC = await makeRule("NATIONALIST", "C nations");
  ids.article1 = await makeArticle("Budget");
  ids.article2 = await makeArticle("Cricket");
  const A = { ruleId: ids.ruleA, category: "ABUSIVE" as const };
  const C = { ruleId: ids.ruleC, category: "NATIONALIST" as const };
  const { mod1, mod2, article1, article2 } = ids;
  // Article 1, day 1: rule A flags c1..c4 (3 hidden, 1 approved), rule C flags c3 and c5.
  // c1 was hidden as SPAM, reverted, then hidden as ABUSIVE: the latest hide's reason counts.
  await makeComment({ articleId: article1, postedAt: DAY1, flaggedBy: [A], decisions: [
    { action: "HIDE", to: "HIDDEN", at: hours(DAY1, 0.5), by: mod2, reason: "SPAM" },
    { action: "REVERT", to: "PENDING", at: hours(DAY1, 0.7), by: mod2 },
    { action: "HIDE", to: "HIDDEN", at: hours(DAY1, 1), by: mod1, reason: "ABUSIVE" },
  ] });
  await makeComment({ articleId: article1, postedAt: DAY1, flaggedBy: [A], decisions: [{ action: "HIDE", to: "HIDDEN", at: hours(DAY1, 2), by: mod1, reason: "ABUSIVE" }] });
  await makeComment({ articleId: article1, postedAt: DAY1, flaggedBy: [A, C], decisions: [{ action: "HIDE", to: "HIDDEN", at: hours(DAY1, 3), by: mod2, reason: "NATIONALIST" }] });
  await makeComment({ articleId: article1, postedAt: DAY1, flaggedBy: [A], decisions: [{ action: "APPROVE", to: "APPROVED", at: hours(DAY1, 4), by: mod2 }] });
  await makeComment({ articleId: article1, postedAt: DAY1, flaggedBy: [C], decisions: [{ action: "HIDE", to: "HIDDEN", at: DAY1, by: null, reason: "NATIONALIST" }] });
  await makeComment({ articleId: article1, postedAt: DAY1, decisions: [{ action: "APPROVE", to: "APPROVED", at: hours(DAY1, 10), by: mod1 }] });
  // Article 2, day 3: two pending (one flagged by C), one approved, one hidden then undone.
  await makeComment({ articleId: article2, postedAt: DAY3 });
  await makeComment({ articleId: article2, postedAt: DAY3, flaggedBy: [C] });
  await makeComment({ articleId: article2, postedAt: DAY3, decisions: [{ action: "APPROVE", to: "APPROVED", at: hours(DAY3, 20), by: mod1 }] });
  await makeComment({ articleId: article2, postedAt: DAY3, decisions: [
    { action: "HIDE", to: "HIDDEN", at: hours(DAY3, 1), by: mod1, reason: "OFF_TOPIC" },
    { action: "UNDO", to: "PENDING", at: hours(DAY3, 1.01), by: mod1 },
  ] });
  // Outside the range: must count nowhere.
  await makeComment({ articleId: article1, postedAt: new Date("2015-05-01T10:00:00Z"), flaggedBy: [A], decisions: [{ action: "APPROVE", to: "APPROVED", at: new Date("2015-05-01T11:00:00Z"), by: mod1 }] });
});

describe("rule health", () => {
  it("gives each rule its firings and its precision against moderators, worst first, silent rules last", async () => {
    const { rules } = await getFlagInsights(range);
    expect(rules.map((rule) => rule.name)).toEqual(["A abuse", "C nations", "B never fires"]);
    expect(rules[0]).toMatchObject({ ruleId: ids.ruleA, fired: 4, hidden: 3, approved: 1, autoHidden: 0, pending: 0, precision: 0.75 });
    expect(rules[1]).toMatchObject({ ruleId: ids.ruleC, fired: 3, hidden: 1, approved: 0, autoHidden: 1, pending: 1, precision: 1 });
    expect(rules[2]).toMatchObject({ ruleId: ids.ruleB, fired: 0, hidden: 0, approved: 0, precision: null, enabled: true, deleted: false });
  });

  it("gives the same figures from the daily rollup once it is refreshed", async () => {
    await refreshInsightsRollup();
    const { rules } = await loadInsights(range, { withModerators: false });
    expect(rules.map((rule) => rule.name)).toEqual(["A abuse", "C nations", "B never fires"]);
    expect(rules[0]).toMatchObject({ ruleId: ids.ruleA, fired: 4, hidden: 3, approved: 1, autoHidden: 0, pending: 0, precision: 0.75 });
    expect(rules[1]).toMatchObject({ ruleId: ids.ruleC, fired: 3, hidden: 1, approved: 0, autoHidden: 1, pending: 1, precision: 1 });
    expect(rules[2]).toMatchObject({ ruleId: ids.ruleB, fired: 0, hidden: 0, approved: 0, precision: null, enabled: true, deleted: false });
  });
});

describe("the other aggregates", () => {
  it("counts the queue per day, empty days included", async () => {
    expect(await getQueueOverTime(range)).toEqual([
      { day: "2015-03-10", posted: 6, pending: 0, flagged: 5, approved: 2, hidden: 4 },
      { day: "2015-03-11", posted: 0, pending: 0, flagged: 0, approved: 0, hidden: 0 },
      { day: "2015-03-12", posted: 4, pending: 3, flagged: 1, approved: 1, hidden: 0 },
    ]);
  });

  it("measures import-to-decision time over people's decisions in force (median, p90)", async () => {
    // Human decisions in force: 1, 2, 3, 4, 10 and 20 hours after import.
    const latency = await getDecisionLatency(range);
    expect(latency.overall).toEqual({ decided: 6, medianSeconds: 3.5 * 3600, p90Seconds: 15 * 3600 });
    expect(latency.byDay).toEqual([
      { day: "2015-03-10", decided: 5, medianSeconds: 3 * 3600, p90Seconds: expect.closeTo(7.6 * 3600, 6) },
      { day: "2015-03-12", decided: 1, medianSeconds: 20 * 3600, p90Seconds: 20 * 3600 },
    ]);
  });

  it("counts flags per category", async () => {
    expect((await getFlagInsights(range)).categories).toEqual([
      { category: "ABUSIVE", flags: 4, comments: 4 },
      { category: "NATIONALIST", flags: 3, comments: 3 },
    ]);
  });

  it("counts hides by the latest hide's reason, people and rules apart, and approvals", async () => {
    expect(await getDecisionsByReason(range)).toEqual({
      hidden: [
        { reason: "ABUSIVE", byModerators: 2, byRules: 0 },
        { reason: "NATIONALIST", byModerators: 1, byRules: 1 },
      ],
      approved: 3,
    });
  });

  it("gives each moderator the decisions in force they made", async () => {
    const moderators = await getModeratorThroughput(range);
    expect(moderators.map(({ moderatorId, decided, approved, hidden }) => ({ moderatorId, decided, approved, hidden }))).toEqual([
      { moderatorId: ids.mod1, decided: 4, approved: 2, hidden: 2 },
      { moderatorId: ids.mod2, decided: 2, approved: 1, hidden: 1 },
    ]);
  });

  it("ranks articles by hidden comments with their shares", async () => {
    const articles = await getArticleInsights(range);
    expect(articles.articles).toBe(2);
    expect(articles.top).toEqual([
      { articleId: ids.article1, title: "Budget", comments: 6, flagged: 5, hidden: 4, shareFlagged: 5 / 6, shareHidden: 4 / 6 },
      { articleId: ids.article2, title: "Cricket", comments: 4, flagged: 1, hidden: 0, shareFlagged: 0.25, shareHidden: 0 },
    ]);
  });

  it("loads everything together, and per-moderator figures only when asked", async () => {
    const data = await loadInsights(range, { withModerators: false });
    expect(data.moderators).toBeNull();
    expect(data.queue).toHaveLength(3);
    expect(data.model).toEqual({ state: "off", why: "needs 50 decisions, has 7", model: null });
    expect((await loadInsights(range, { withModerators: true })).moderators).toHaveLength(2);
  });
});

describe("the date range", () => {
  it("defaults to the last 30 days when they hold comments", async () => {
    expect(await resolveDateRange({ kind: "default" }, new Date("2015-03-20T12:00:00Z"))).toEqual({ from: "2015-02-19", to: "2015-03-20", bucket: "day", preset: "30d", note: null, timeZone: "UTC", recountSince: null });
  });

  it("falls back to the 30 days up to the newest comment, and says so", async () => {
    const resolved = await resolveDateRange({ kind: "default" }, new Date("2026-01-01T00:00:00Z"));
    expect(resolved).toMatchObject({ from: "2015-04-02", to: "2015-05-01", preset: "custom" });
    expect(resolved.note).toMatch(/No comments were posted in the last 30 days/);
  });

  it("spans all comments for all time", async () => {
    expect(await resolveDateRange({ kind: "all" })).toEqual({ from: "2015-03-10", to: "2015-05-01", bucket: "day", preset: "all", note: null, timeZone: "UTC", recountSince: null });
  });
});
