import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { setDeskTimeZone } from "@/lib/settings/set-desk-time-zone";
import { addDays, dayOfInstant, dayStart, makeRange, utcDay } from "./date-range";
import { getDecisionsMadeInRange } from "./decisions-made-in-range";
import { readInsightsZone } from "./insights-zone";
import { expectSameAsDirect } from "./expect-same-as-direct";
import { loadInsights } from "./load-insights";
import { refreshInsightsRollup } from "./refresh-insights-rollup";
import { resolveDateRange } from "./resolve-date-range";
import { hours, makeArticle, makeComment, makeRule, makeUser } from "./test-factories";

// Insights counts the desk's days: a decision at 23:30 in Karachi is that day's, a comment posted
// at 00:30 there the next day's, whatever their UTC dates; stored, live and direct figures agree;
// a change of the desk's zone re-counts every day, the page saying so until the rollup is done.
const ADMIN = { id: null, label: "admin@desk-days.test" };
const NOW = new Date("2016-06-01T12:00:00Z");
// 23:30 in Karachi (UTC+5) on 10 April 2016 is 18:30 UTC; 00:30 on the 11th is 19:30 UTC on the 10th.
const LATE_EVENING = new Date("2016-04-10T18:30:00Z");
const JUST_AFTER_MIDNIGHT = new Date("2016-04-10T19:30:00Z");
const ids = { moderator: "", late: 0, early: 0 };

beforeAll(async () => {
  await setDeskTimeZone(db, "Asia/Karachi", ADMIN);
  ids.moderator = await makeUser("Karachi evening");
  const articleId = await makeArticle("Late news");
  const rule = { ruleId: await makeRule("SPAM"), category: "SPAM" as const };
  ids.late = await makeComment({
    articleId,
    postedAt: hours(LATE_EVENING, -1),
    flaggedBy: [rule],
    decisions: [{ action: "HIDE", to: "HIDDEN", at: LATE_EVENING, by: ids.moderator, reason: "SPAM" }],
  });
  ids.early = await makeComment({ articleId, postedAt: JUST_AFTER_MIDNIGHT, decisions: [{ action: "APPROVE", to: "APPROVED", at: hours(JUST_AFTER_MIDNIGHT, 0.5), by: ids.moderator }] });
});

const storedDays = async () =>
  (await db.$queryRaw<{ day: string; posted: number }[]>`SELECT to_char(day, 'YYYY-MM-DD') AS day, (summary->'queue'->>0)::int AS posted FROM insights_day ORDER BY day`);

describe("Insights in the desk's time zone", () => {
  it("puts a decision at 23:30 in Karachi on that day, and a comment posted at 00:30 on the next", async () => {
    expect((await readInsightsZone()).timeZone).toBe("Asia/Karachi");
    const range = makeRange("2016-04-10", "2016-04-11", "Asia/Karachi");
    const data = await loadInsights(range, { withModerators: true, now: NOW });
    expect(data.queue.map((point) => [point.day, point.posted])).toEqual([["2016-04-10", 1], ["2016-04-11", 1]]);
    expect(data.latency.byDay.map((point) => [point.day, point.decided])).toEqual([["2016-04-10", 1], ["2016-04-11", 1]]);
    await expectSameAsDirect(range, NOW);

    // Stored by the rollup under the same days; the page reads the same figures from them.
    await refreshInsightsRollup({ now: NOW });
    expect(await storedDays()).toEqual([{ day: "2016-04-10", posted: 1 }, { day: "2016-04-11", posted: 1 }]);
    const decisionDays = await db.$queryRaw<{ day: string }[]>`SELECT to_char(day, 'YYYY-MM-DD') AS day FROM insights_decision_day ORDER BY day`;
    expect(decisionDays.map((row) => row.day)).toEqual(["2016-04-10", "2016-04-11"]);
    expect((await loadInsights(range, { withModerators: true, now: NOW })).queue).toEqual(data.queue);
    await expectSameAsDirect(range, NOW);
    // The 10th alone holds the late decision only: it ends at 19:00 UTC, not at midnight UTC.
    const tenth = await loadInsights(makeRange("2016-04-10", "2016-04-10", "Asia/Karachi"), { withModerators: true, now: NOW });
    expect(tenth.reasons.hidden).toEqual([{ reason: "SPAM", byModerators: 1, byRules: 0 }]);
    expect(tenth.reasons.approved).toBe(0);
  });

  it("keeps the live decision days in the zone's days", async () => {
    const today = dayOfInstant(new Date(), "Asia/Karachi");
    // 00:30 in Karachi the day before yesterday: still the day before in UTC.
    const at = hours(new Date(dayStart(addDays(today, -2), "Asia/Karachi")), 0.5);
    expect(utcDay(at)).toBe(addDays(today, -3));
    const commentId = await makeComment({ articleId: await makeArticle(), postedAt: hours(at, -0.2), decisions: [{ action: "APPROVE", to: "APPROVED", at, by: ids.moderator }] });
    const held = await db.$queryRaw<{ day: string }[]>`SELECT to_char(day, 'YYYY-MM-DD') AS day FROM insights_decided_comment WHERE "commentId" = ${commentId}`;
    expect(held).toEqual([{ day: addDays(today, -2) }]);
    const range = makeRange(addDays(today, -4), today, "Asia/Karachi");
    const live = await loadInsights(range, { withModerators: true });
    expect(live.latency.byDay.find((point) => point.day === addDays(today, -2))?.decided).toBe(1);
    expect(live.latency).toEqual((await getDecisionsMadeInRange(range, { withModerators: true })).latency);
  });

  it("re-counts every day when an admin changes the desk's zone, and says so until done", async () => {
    await setDeskTimeZone(db, "America/New_York", ADMIN);
    const zone = await readInsightsZone();
    expect(zone.timeZone).toBe("America/New_York");
    expect(zone.recountSince).not.toBeNull();
    // No day of the former zone is left stored: the days are computed from the comments meanwhile.
    expect(await storedDays()).toEqual([]);
    const resolved = await resolveDateRange({ kind: "custom", from: "2016-04-09", to: "2016-04-11" }, NOW);
    expect(resolved).toMatchObject({ timeZone: "America/New_York", recountSince: zone.recountSince });
    // 18:30 and 19:30 UTC on the 10th are 14:30 and 15:30 in New York: both on the 10th.
    const during = await loadInsights(resolved, { withModerators: true, now: NOW });
    expect(during.queue.map((point) => [point.day, point.posted])).toEqual([["2016-04-09", 0], ["2016-04-10", 2], ["2016-04-11", 0]]);
    await expectSameAsDirect(resolved, NOW);

    const events = await db.auditEvent.findMany({ where: { action: { in: ["insights.recount", "insights.recounted"] } }, orderBy: { id: "asc" }, select: { action: true, actorLabel: true, details: true } });
    expect(events.at(-1)).toEqual({ action: "insights.recount", actorLabel: ADMIN.label, details: { before: { timeZone: "Asia/Karachi" }, after: { timeZone: "America/New_York" } } });

    // The held live rows follow the new zone at once.
    const heldDays = await db.$queryRaw<{ wrong: number }[]>`
      SELECT count(*)::int AS wrong FROM insights_decided_comment x JOIN comment c ON c.id = x."commentId"
      WHERE x.day <> ((c."decidedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'America/New_York')::date`;
    expect(heldDays).toEqual([{ wrong: 0 }]);

    await refreshInsightsRollup({ now: NOW });
    expect(await storedDays()).toEqual([{ day: "2016-04-10", posted: 2 }]);
    expect((await readInsightsZone()).recountSince).toBeNull();
    expect((await loadInsights(resolved, { withModerators: true, now: NOW })).queue).toEqual(during.queue);
    await expectSameAsDirect(resolved, NOW);
    const done = await db.auditEvent.findFirst({ where: { action: "insights.recounted" }, orderBy: { id: "desc" }, select: { actorLabel: true, details: true } });
    expect(done).toMatchObject({ actorLabel: "system", details: { timeZone: "America/New_York" } });
  });

  it("does nothing when the zone is set to the one it counts in", async () => {
    const before = await db.auditEvent.count({ where: { action: "insights.recount" } });
    await setDeskTimeZone(db, "America/New_York", ADMIN);
    expect(await db.auditEvent.count({ where: { action: "insights.recount" } })).toBe(before);
    expect((await readInsightsZone()).recountSince).toBeNull();
  });
});
