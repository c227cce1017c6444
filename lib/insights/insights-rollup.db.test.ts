import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { mulberry32 } from "@/lib/seeded-random";
import { makeRange } from "./date-range";
import { expectSameAsDirect } from "./expect-same-as-direct";
import { loadInsights } from "./load-insights";
import { refreshInsightsRollup } from "./refresh-insights-rollup";
import { hours, makeArticle, makeComment, makeRule, makeUser, type CommentSeed } from "./test-factories";

// A seeded, irregular world over three weeks of 2016: the rollup's figures must equal the direct
// queries' exactly (counts, orders, percentiles), live, stored, and after changes to stored days.
const START = new Date("2016-04-01T06:00:00Z");
const NOW = new Date("2016-06-01T12:00:00Z");
const daily = makeRange("2016-03-28", "2016-04-25");
const weekly = makeRange("2015-10-01", "2016-05-31");
const world = { commentIds: [] as number[], moderator: "" };

beforeAll(async () => {
  const random = mulberry32(42);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const moderators = [await makeUser("Ann"), await makeUser("Bob"), await makeUser("Cid")];
  world.moderator = moderators[0]!;
  const rules = [
    { ruleId: await makeRule("ABUSIVE", "r abuse"), category: "ABUSIVE" as const },
    { ruleId: await makeRule("SPAM", "r spam"), category: "SPAM" as const },
    { ruleId: await makeRule("NATIONALIST", "r-nations"), category: "NATIONALIST" as const },
  ];
  await makeRule("OFF_TOPIC", "r silent");
  const articles = [await makeArticle("One"), await makeArticle("Two")];
  const reasons = ["ABUSIVE", "SPAM", "NATIONALIST", "OFF_TOPIC", "OTHER"] as const;
  for (let index = 0; index < 90; index++) {
    const postedAt = hours(START, Math.floor(random() * 24 * 21));
    const createdAt = hours(postedAt, random() * 3);
    const flaggedBy = random() < 0.5 ? [pick(rules), ...(random() < 0.3 ? [pick(rules)] : [])] : [];
    const roll = random();
    const by = pick(moderators);
    const at = hours(createdAt, 0.1 + random() * 40);
    const decisions: CommentSeed["decisions"] =
      roll < 0.25 ? [] :
      roll < 0.55 ? [{ action: "APPROVE", to: "APPROVED", at, by }] :
      roll < 0.8 ? [{ action: "HIDE", to: "HIDDEN", at, by, reason: pick(reasons) }] :
      roll < 0.9 ? [{ action: "HIDE", to: "HIDDEN", at: createdAt, by: null, reason: pick(reasons) }] :
      [{ action: "HIDE", to: "HIDDEN", at, by, reason: "SPAM" }, { action: "UNDO", to: "PENDING", at: hours(at, 0.01), by }];
    world.commentIds.push(await makeComment({ articleId: pick(articles), postedAt, createdAt, flaggedBy: [...new Map(flaggedBy.map((flag) => [flag.ruleId, flag])).values()], decisions }));
  }
});

describe("the insights rollup", () => {
  it("gives the direct queries' figures live (every day dirty), stored, and per week", async () => {
    expect(await db.insightsDirtyDay.count()).toBeGreaterThan(15);
    await expectSameAsDirect(daily, NOW);
    expect(await refreshInsightsRollup({ now: NOW })).toEqual({ refreshed: expect.any(Number), remaining: 0 });
    expect(await db.insightsDirtyDay.count()).toBe(0);
    expect(await db.insightsDirtyDecisionDay.count()).toBe(0);
    expect(await db.insightsDay.count()).toBeGreaterThan(15);
    expect(await db.insightsDecisionDay.count()).toBeGreaterThan(15);
    await expectSameAsDirect(daily, NOW);
    await expectSameAsDirect(weekly, NOW);
    expect((await loadInsights(daily, { withModerators: false, now: NOW })).queue.reduce((sum, point) => sum + point.posted, 0)).toBe(90);
  });

  it("stays exact when a stored day changes: a decision marks its posted day dirty until the next refresh", async () => {
    await refreshInsightsRollup({ now: NOW });
    const pending = await db.comment.findFirstOrThrow({ where: { id: { in: world.commentIds }, status: "PENDING" }, select: { id: true, postedAt: true, version: true } });
    await db.$transaction([
      db.comment.update({ where: { id: pending.id }, data: { status: "HIDDEN", version: pending.version + 1, decidedAt: NOW, decidedById: world.moderator } }),
      db.decision.create({ data: { commentId: pending.id, action: "HIDE", fromStatus: "PENDING", toStatus: "HIDDEN", reason: "ABUSIVE", moderatorId: world.moderator, createdAt: NOW } }),
    ]);
    const dirty = await db.insightsDirtyDay.findMany({ select: { day: true } });
    expect(dirty.map((row) => row.day.toISOString().slice(0, 10))).toEqual([pending.postedAt.toISOString().slice(0, 10)]);
    await expectSameAsDirect(daily, NOW);
    expect(await refreshInsightsRollup({ now: NOW })).toEqual({ refreshed: 1, remaining: 0 });
    await expectSameAsDirect(daily, NOW);
  });

  it("marks days dirty for new comments and new flags, and leaves today to be computed live", async () => {
    await refreshInsightsRollup({ now: NOW });
    const articleId = await makeArticle("Three");
    const ruleId = await makeRule("SPAM", "r late");
    await makeComment({ articleId, postedAt: hours(START, 30), flaggedBy: [{ ruleId, category: "SPAM" }] });
    await makeComment({ articleId, postedAt: hours(NOW, 1) });
    // Reported by readers, flagged by no rule: pending, not flagged.
    await makeComment({ articleId, postedAt: hours(NOW, 2), reportPriority: 20 });
    const today = makeRange("2016-06-01", "2016-06-01");
    expect(await refreshInsightsRollup({ now: NOW })).toEqual({ refreshed: 1, remaining: 0 });
    expect(await db.insightsDirtyDay.count()).toBe(1);
    await expectSameAsDirect(daily, NOW);
    await expectSameAsDirect(today, NOW);
    expect((await loadInsights(today, { withModerators: false, now: NOW })).queue).toEqual([{ day: "2016-06-01", posted: 2, pending: 2, flagged: 0, approved: 0, hidden: 0 }]);
  });

  it("re-packs the days an earlier version stored: the migration clears them for the refresh, the figures stay exact", async () => {
    await refreshInsightsRollup({ now: NOW });
    const stored = await db.insightsDay.count();
    const live = await db.insightsDirtyDay.count(); // the last three days: never stored
    const migration = readFileSync("prisma/migrations/20261206172000_insights_packed_articles/migration.sql", "utf8");
    for (const statement of migration.split(";").map((text) => text.replace(/--.*$/gm, "").trim()).filter(Boolean)) await db.$executeRawUnsafe(statement);
    expect(await db.insightsDirtyDay.count()).toBe(stored + live);
    expect(await db.insightsDay.count({ where: { articles: { not: null } } })).toBe(0);
    await expectSameAsDirect(daily, NOW);
    await refreshInsightsRollup({ now: NOW });
    expect(await db.insightsDay.count({ where: { articles: null } })).toBe(0);
    await expectSameAsDirect(daily, NOW);
    await expectSameAsDirect(weekly, NOW);
  });
});
