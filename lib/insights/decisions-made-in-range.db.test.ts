import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeRange } from "./date-range";
import { getDecisionsMadeInRange } from "./decisions-made-in-range";
import { loadInsights } from "./load-insights";
import { resolveDateRange } from "./resolve-date-range";
import { hours, makeArticle, makeComment, makeUser } from "./test-factories";

// A 2015 thread decided in January 2020: its decisions count on the days they were made.
const POSTED = new Date("2015-07-22T19:00:00Z");
const DAY10 = new Date("2020-01-10T00:00:00Z");
const DAY11 = new Date("2020-01-11T00:00:00Z");
const range = makeRange("2020-01-10", "2020-01-11");
const ids = { mod1: "", mod2: "" };

beforeAll(async () => {
  ids.mod1 = await makeUser("Mod One");
  ids.mod2 = await makeUser("Mod Two");
  const { mod1, mod2 } = ids;
  const articleId = await makeArticle("An old thread");
  // Standing people's decisions: 2 h, 6 h (day 10) and 48 h (day 11) after import.
  await makeComment({ articleId, postedAt: POSTED, createdAt: DAY10, decisions: [{ action: "HIDE", to: "HIDDEN", at: hours(DAY10, 2), by: mod1, reason: "ABUSIVE" }] });
  await makeComment({ articleId, postedAt: POSTED, createdAt: DAY10, decisions: [{ action: "APPROVE", to: "APPROVED", at: hours(DAY10, 6), by: mod2 }] });
  await makeComment({ articleId, postedAt: POSTED, createdAt: hours(DAY10, -24), decisions: [{ action: "HIDE", to: "HIDDEN", at: DAY11, by: mod1, reason: "SPAM" }] });
  // An auto-hide on import: a hide by the rules, no time, no moderator.
  await makeComment({ articleId, postedAt: POSTED, createdAt: DAY10, decisions: [{ action: "HIDE", to: "HIDDEN", at: DAY10, by: null, reason: "NATIONALIST" }] });
  // Hidden then undone within the range: no longer a decision.
  const undone = await makeComment({ articleId, postedAt: POSTED, createdAt: DAY10, decisions: [{ action: "HIDE", to: "HIDDEN", at: hours(DAY10, 3), by: mod2, reason: "OFF_TOPIC" }] });
  const hide = await db.decision.findFirstOrThrow({ where: { commentId: undone }, select: { id: true } });
  await db.decision.create({ data: { commentId: undone, action: "UNDO", fromStatus: "HIDDEN", toStatus: "PENDING", moderatorId: mod2, revertsId: hide.id, createdAt: hours(DAY10, 3.001) } });
  // As a take-back leaves the comment: pending, no decision in force.
  await db.comment.update({ where: { id: undone }, data: { status: "PENDING", decidedAt: null, decidedById: null, version: 2 } });
  // Decided the day before, and posted in the range but decided the day after: outside.
  await makeComment({ articleId, postedAt: POSTED, decisions: [{ action: "APPROVE", to: "APPROVED", at: hours(DAY10, -12), by: mod1 }] });
  await makeComment({ articleId, postedAt: DAY10, decisions: [{ action: "HIDE", to: "HIDDEN", at: hours(DAY11, 25), by: mod2, reason: "SPAM" }] });
});

describe("decision figures by decision time", () => {
  it("times people's decisions in force made in the range, per decision day", async () => {
    const { latency } = await getDecisionsMadeInRange(range, { withModerators: false });
    // [2, 6, 48] h: median 6; p90 at rank 1.8 = 6 + 0.8 × 42 = 39.6 h. Day 10: [2, 6] → 4 and 5.6 h.
    expect(latency.overall).toEqual({ decided: 3, medianSeconds: 6 * 3600, p90Seconds: expect.closeTo(39.6 * 3600, 6) });
    expect(latency.byDay).toEqual([
      { day: "2020-01-10", decided: 2, medianSeconds: 4 * 3600, p90Seconds: expect.closeTo(5.6 * 3600, 6) },
      { day: "2020-01-11", decided: 1, medianSeconds: 48 * 3600, p90Seconds: 48 * 3600 },
    ]);
  });

  it("counts hides made in the range by reason, people and rules apart, and approvals", async () => {
    const { reasons, moderators } = await getDecisionsMadeInRange(range, { withModerators: false });
    expect(reasons).toEqual({
      hidden: [
        { reason: "ABUSIVE", byModerators: 1, byRules: 0 },
        { reason: "SPAM", byModerators: 1, byRules: 0 },
        { reason: "NATIONALIST", byModerators: 0, byRules: 1 },
      ],
      approved: 1,
    });
    expect(moderators).toBeNull();
  });

  it("gives each moderator the decisions in force they made in the range", async () => {
    const { moderators } = await getDecisionsMadeInRange(range, { withModerators: true });
    expect(moderators?.map(({ moderatorId, decided, approved, hidden }) => ({ moderatorId, decided, approved, hidden }))).toEqual([
      { moderatorId: ids.mod1, decided: 2, approved: 0, hidden: 2 },
      { moderatorId: ids.mod2, decided: 1, approved: 1, hidden: 0 },
    ]);
  });

  it("puts them on the insights page while the posting-day figures of the range stay empty", async () => {
    const data = await loadInsights(range, { withModerators: true, now: hours(DAY11, 48) });
    expect(data.latency.overall.decided).toBe(3);
    expect(data.moderators).toHaveLength(2);
    // Posted in the range: only the comment decided after it.
    expect(data.queue.reduce((sum, point) => sum + point.posted, 0)).toBe(1);
  });
});

describe("the default range when the comments are old", () => {
  it("stays on the last 30 days when decisions were made in them, and says the posting-day figures are empty", async () => {
    // 2020-01-11 to 2020-02-09: nothing posted (the last comment was posted on 2020-01-10), two decisions.
    const resolved = await resolveDateRange({ kind: "default" }, new Date("2020-02-09T12:00:00Z"));
    expect(resolved).toMatchObject({ from: "2020-01-11", to: "2020-02-09", preset: "30d" });
    expect(resolved.note).toMatch(/the decision figures show the decisions made in them/);
  });

  it("spans the decision days too for all time", async () => {
    // Posted 2015-07-22 to 2020-01-10; the last decision on 2020-01-12.
    expect(await resolveDateRange({ kind: "all" })).toMatchObject({ from: "2015-07-22", to: "2020-01-12", preset: "all" });
  });
});
