import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getPgPool } from "@/lib/db/pg-pool";
import { decideComment } from "@/lib/moderation/decide-comment";
import { makeArticle, makeComment, makeModerator } from "@/lib/moderation/test-factories";
import { undoDecision } from "@/lib/moderation/undo-decision";
import { setDeskTimeZone } from "@/lib/settings/set-desk-time-zone";
import { addDays, dayOfInstant, dayStart, makeRange } from "./date-range";
import { expectSameAsDirect } from "./expect-same-as-direct";
import { foldLiveDays } from "./fold-live-days";
import { readLiveFlagDays } from "./live-flag-days";
import { refreshInsightsRollup } from "./refresh-insights-rollup";
import { makeRule } from "./test-factories";

// The live days' flag figures from their folded rows plus the changes since (migration
// insights_live_flags_folded): flags added and withdrawn after the fold, a rule re-run rewriting a
// comment's flags, decisions, undo, auto-hides, priorities, moved and deleted comments, a change
// uncommitted across a fold, a change that bypassed the triggers, a change of zone. After each, the
// page's figures equal the direct queries' and the folded rows still serve the days. On the real
// clock: the held days are the database's today and the three before.

const ADMIN = { id: null, label: "admin@live-flag-days.test" };
let moderator: { id: string; label: string };
let article = 0;
let abuse = 0;
let spam = 0;
let offTopic = 0;

const dayAt = (day: string, hour: number, timeZone = "UTC") => new Date(Date.parse(dayStart(day, timeZone)) + hour * 3_600_000);
const liveDays = (timeZone = "UTC") => {
  const today = dayOfInstant(new Date(), timeZone);
  return { today, days: [addDays(today, -2), addDays(today, -1), today], range: makeRange(addDays(today, -6), today, timeZone) };
};
const served = async (days: string[]) => [...(await readLiveFlagDays(db, days)).keys()].sort();
const deltaCount = async () => (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM insights_live_flag_delta`)[0]!.n;

type Category = "ABUSIVE" | "SPAM" | "OFF_TOPIC";
async function flagAll(flags: { commentId: number; ruleId: number; category: Category }[]): Promise<void> {
  await db.flag.createMany({ data: flags.map((flag) => ({ ...flag, ruleVersion: 1, score: 1, spans: [], reason: "test" })) });
}

beforeAll(async () => {
  moderator = await makeModerator("live-flag-days");
  article = await makeArticle("Live flag days");
  abuse = await makeRule("ABUSIVE", "folded abuse");
  spam = await makeRule("SPAM", "folded spam");
  offTopic = await makeRule("OFF_TOPIC", "folded off-topic");
});

describe("the live days' flag figures (folded rows + deltas: insights_live_flag_day)", () => {
  it("are served from their folded rows after flags are added and withdrawn, a re-run rewrites them, and decisions", async () => {
    const { today, days, range } = liveDays();
    const first = await makeComment(article, { postedAt: dayAt(today, 1), priority: 40 });
    const second = await makeComment(article, { postedAt: dayAt(addDays(today, -1), 9), priority: 40 });
    const unflagged = await makeComment(article, { postedAt: dayAt(today, 2) });
    await flagAll([
      { commentId: first.id, ruleId: abuse, category: "ABUSIVE" },
      { commentId: second.id, ruleId: spam, category: "SPAM" },
    ]);
    await refreshInsightsRollup();
    expect(await deltaCount()).toBe(0);
    expect(await served(days)).toEqual(days);
    await expectSameAsDirect(range, new Date());

    // A second flag of the same rule, a flag of another category, and one on a comment that does not count (priority 0).
    await flagAll([
      { commentId: first.id, ruleId: abuse, category: "ABUSIVE" },
      { commentId: first.id, ruleId: offTopic, category: "OFF_TOPIC" },
      { commentId: unflagged.id, ruleId: spam, category: "SPAM" },
    ]);
    expect(await deltaCount()).toBe(2);
    expect(await served(days)).toEqual(days);
    await expectSameAsDirect(range, new Date());

    // Decisions and an undo after the fold move the comments' rows from one status to another.
    const hid = await decideComment({ action: "HIDE", reason: "ABUSIVE", commentId: first.id, expectedVersion: first.version, expectedStatus: "PENDING" }, moderator);
    await decideComment({ action: "APPROVE", commentId: second.id, expectedVersion: second.version, expectedStatus: "PENDING" }, moderator);
    await expectSameAsDirect(range, new Date());
    await undoDecision({ decisionId: hid.decisionId, expectedVersion: hid.version }, moderator);
    await expectSameAsDirect(range, new Date());

    // A rule re-run: the comment's flags withdrawn and written again in one transaction, with a new priority.
    await db.$transaction([
      db.flag.deleteMany({ where: { commentId: first.id } }),
      db.flag.createMany({ data: [{ commentId: first.id, ruleId: spam, category: "SPAM", ruleVersion: 2, score: 1, spans: [], reason: "re-run" }] }),
      db.comment.update({ where: { id: first.id }, data: { priority: 30 } }),
    ]);
    await expectSameAsDirect(range, new Date());
    // The priority falls to 0: its flags stop counting; a report raises the other's.
    await db.comment.update({ where: { id: first.id }, data: { priority: 0 } });
    await db.$executeRaw`UPDATE comment SET priority = 5, "reportPriority" = 5 WHERE id = ${unflagged.id}`;
    await expectSameAsDirect(range, new Date());
    expect(await served(days)).toEqual(days);

    await foldLiveDays();
    expect(await deltaCount()).toBe(0);
    expect(await served(days)).toEqual(days);
    await expectSameAsDirect(range, new Date());
  });

  it("follow an auto-hide, a moved posting day, a bulk of flags and deletes between folds", async () => {
    const { today, days, range } = liveDays();
    const moving = await makeComment(article, { postedAt: dayAt(today, 3), priority: 40 });
    const leaving = await makeComment(article, { postedAt: dayAt(addDays(today, -1), 4), priority: 40 });
    await flagAll([
      { commentId: moving.id, ruleId: abuse, category: "ABUSIVE" },
      { commentId: leaving.id, ruleId: abuse, category: "ABUSIVE" },
      { commentId: leaving.id, ruleId: spam, category: "SPAM" },
    ]);
    await foldLiveDays();

    await db.comment.update({ where: { id: moving.id }, data: { status: "HIDDEN", decidedAt: new Date(), version: { increment: 1 } } });
    await db.comment.update({ where: { id: moving.id }, data: { postedAt: dayAt(addDays(today, -2), 5) } });
    await expectSameAsDirect(range, new Date());
    // Out of the held days and back.
    await db.comment.update({ where: { id: leaving.id }, data: { postedAt: dayAt(addDays(today, -9), 4) } });
    await expectSameAsDirect(range, new Date());
    await foldLiveDays();
    await db.comment.update({ where: { id: leaving.id }, data: { postedAt: dayAt(today, 6) } });
    await expectSameAsDirect(range, new Date());

    // An import's chunk of flagged comments with their flags, then deletes (the flags go by the cascade).
    await db.$executeRaw`
      INSERT INTO comment ("articleId", source, "dedupeKey", "contentHash", body, "postedAt", "createdAt", priority, status)
      SELECT ${article}::int, 'test', 'live-flag-days:' || g || ':' || ${today}, md5(g::text), 'bulk ' || g, ${dayAt(today, 0)}::timestamp + g * interval '5 minutes', now(), 40, 'PENDING'
      FROM generate_series(1, 10) g`;
    await db.$executeRaw`
      INSERT INTO flag ("commentId", "ruleId", "ruleVersion", category, score, spans, reason)
      SELECT c.id, r.id, 1, r.category, 1, '[]'::jsonb, 'bulk' FROM comment c CROSS JOIN rule r
      WHERE c."dedupeKey" LIKE 'live-flag-days:%' AND r.id IN (${abuse}, ${spam}) AND (c.id % 2 = 0 OR r.id = ${abuse})`;
    await expectSameAsDirect(range, new Date());
    await db.comment.deleteMany({ where: { dedupeKey: { startsWith: "live-flag-days:" }, postedAt: { gte: dayAt(today, 0.4) } } });
    await db.comment.delete({ where: { id: leaving.id } });
    expect(await served(days)).toEqual(days);
    await expectSameAsDirect(range, new Date());
    await foldLiveDays();
    await expectSameAsDirect(range, new Date());
  });

  it("keep a flag still uncommitted during a fold for the next one", async () => {
    const { today, range } = liveDays();
    const comment = await makeComment(article, { postedAt: dayAt(today, 7), priority: 40 });
    await foldLiveDays();
    const ruleRun = await getPgPool().connect();
    try {
      await ruleRun.query("BEGIN");
      await ruleRun.query(`INSERT INTO flag ("commentId", "ruleId", "ruleVersion", category, score, spans, reason) VALUES ($1, $2, 1, 'SPAM', 1, '[]', 'open')`, [comment.id, spam]);
      await foldLiveDays();
      await expectSameAsDirect(range, new Date());
      await ruleRun.query("COMMIT");
    } finally {
      ruleRun.release(true);
    }
    expect(await deltaCount()).toBe(1);
    await expectSameAsDirect(range, new Date());
    await foldLiveDays();
    expect(await deltaCount()).toBe(0);
    await expectSameAsDirect(range, new Date());
  });

  it("fall back to the flags when a change bypassed the triggers, and the fold builds the day again", async () => {
    const { today, days, range } = liveDays();
    const comment = await makeComment(article, { postedAt: dayAt(today, 8), priority: 40 });
    await flagAll([{ commentId: comment.id, ruleId: abuse, category: "ABUSIVE" }]);
    await foldLiveDays();
    // A flag added that the comment does not have: no trigger writes that.
    await db.$executeRaw`INSERT INTO insights_live_flag_delta (day, "commentId", "ruleId", category, status, "byPerson", sign) VALUES (${today}::date, ${comment.id}, ${spam}, 'SPAM', 'PENDING', false, 1)`;
    expect(await served(days)).toEqual(days.filter((day) => day !== today));
    await expectSameAsDirect(range, new Date());
    await foldLiveDays();
    await foldLiveDays();
    expect(await served(days)).toEqual(days);
    await expectSameAsDirect(range, new Date());
  });

  it("are rebuilt in the new zone's days when the desk's zone changes", async () => {
    await foldLiveDays();
    await setDeskTimeZone(db, "Asia/Karachi", ADMIN);
    expect(await db.$queryRaw<{ n: number }[]>`SELECT ((SELECT count(*) FROM insights_live_flag_day) + (SELECT count(*) FROM insights_live_flag_delta))::int AS n`).toEqual([{ n: 0 }]);
    const { today, days, range } = liveDays("Asia/Karachi");
    const late = await makeComment(article, { postedAt: dayAt(addDays(today, -1), 23.75, "Asia/Karachi"), priority: 40 });
    await flagAll([{ commentId: late.id, ruleId: offTopic, category: "OFF_TOPIC" }]);
    await expectSameAsDirect(range, new Date());
    await refreshInsightsRollup();
    expect(await served(days)).toEqual(days);
    await decideComment({ action: "HIDE", reason: "OFF_TOPIC", commentId: late.id, expectedVersion: late.version, expectedStatus: "PENDING" }, moderator);
    await expectSameAsDirect(range, new Date());
    await setDeskTimeZone(db, "UTC", ADMIN);
  });
});
