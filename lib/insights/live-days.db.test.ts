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
import { readLiveDecisionDays } from "./live-decision-days";
import { readLivePostedDays } from "./live-posted-days";
import { refreshInsightsRollup } from "./refresh-insights-rollup";

// The live days from their folded rows plus the deltas appended since (migration
// insights_live_days_folded), posted days and decision days: after decisions, imports, moves and deletes landing between loads and
// between folds, the page's figures equal the direct queries'; the folded rows serve today,
// yesterday and the day before; a change of the desk's zone rebuilds them in the new zone's days.
// On the real clock: the held days are the database's today and the three before.

const ADMIN = { id: null, label: "admin@live-posted-days.test" };
let moderator: { id: string; label: string };
let article = 0;
let other = 0;

const dayAt = (day: string, hour: number, timeZone = "UTC") => new Date(Date.parse(dayStart(day, timeZone)) + hour * 3_600_000);
const liveDays = (timeZone: string) => {
  const today = dayOfInstant(new Date(), timeZone);
  return { today, days: [addDays(today, -2), addDays(today, -1), today], range: makeRange(addDays(today, -6), today, timeZone) };
};

beforeAll(async () => {
  moderator = await makeModerator("live-posted-days");
  article = await makeArticle("Live posted days");
  other = await makeArticle("Another article");
});

const deltaCounts = async () =>
  (await db.$queryRaw<{ posted: number; decision: number }[]>`SELECT (SELECT count(*) FROM insights_live_article_delta)::int AS posted, (SELECT count(*) FROM insights_live_decision_delta)::int AS decision`)[0]!;
const servedFolded = async (days: string[]) => ({
  posted: [...(await readLivePostedDays(db, days)).keys()].sort(),
  decision: [...(await readLiveDecisionDays(db, days)).keys()].sort(),
});

describe("the live days (folded rows + deltas: insights_live_day, insights_live_decision_day)", () => {
  it("are served from their folded rows, and a day changed after its fold shows the change on the next load", async () => {
    const { today, days, range } = liveDays("UTC");
    const first = await makeComment(article, { postedAt: dayAt(today, 0.5), priority: 40 });
    const second = await makeComment(other, { postedAt: dayAt(addDays(today, -1), 10) });
    await makeComment(article, { postedAt: dayAt(addDays(today, -2), 23.5) });
    await makeComment(article, { postedAt: dayAt(addDays(today, -5), 12) });
    await expectSameAsDirect(range, new Date());

    await refreshInsightsRollup();
    expect(await deltaCounts()).toEqual({ posted: 0, decision: 0 });
    expect(await servedFolded(days)).toEqual({ posted: days, decision: days });
    await expectSameAsDirect(range, new Date());

    // Decisions, an undo and new comments after the fold: deltas on top of the folded rows.
    const hid = await decideComment({ action: "HIDE", reason: "SPAM", commentId: first.id, expectedVersion: first.version, expectedStatus: "PENDING" }, moderator);
    await decideComment({ action: "APPROVE", commentId: second.id, expectedVersion: second.version, expectedStatus: "PENDING" }, moderator);
    await makeComment(other, { postedAt: dayAt(today, 1), priority: 40 });
    // The hide appends its held row, then its reason when its decision row lands (-1, +1).
    expect(await deltaCounts()).toEqual({ posted: 3, decision: 4 });
    await expectSameAsDirect(range, new Date());
    await undoDecision({ decisionId: hid.decisionId, expectedVersion: hid.version }, moderator);
    await expectSameAsDirect(range, new Date());

    await refreshInsightsRollup();
    expect(await deltaCounts()).toEqual({ posted: 0, decision: 0 });
    // The folded seconds are stored compact (stored-seconds.ts), and read back exactly above.
    expect(await db.$queryRaw<{ marker: number }[]>`SELECT DISTINCT get_byte(latency, 0) AS marker FROM insights_live_decision_day WHERE length(latency) > 0`).toEqual([{ marker: 0xff }]);
    await expectSameAsDirect(range, new Date());
  });

  it("follow a moved posting day, a moved article, a report, an auto-hide, a bulk insert and deletes", async () => {
    const { today, range } = liveDays("UTC");
    const moving = await makeComment(article, { postedAt: dayAt(today, 2) });
    const leaving = await makeComment(article, { postedAt: dayAt(addDays(today, -1), 3) });
    await refreshInsightsRollup();

    await db.comment.update({ where: { id: moving.id }, data: { postedAt: dayAt(addDays(today, -1), 4), articleId: other } });
    await expectSameAsDirect(range, new Date());
    // Out of the held days and back.
    await db.comment.update({ where: { id: leaving.id }, data: { postedAt: dayAt(addDays(today, -9), 4) } });
    await expectSameAsDirect(range, new Date());
    await db.comment.update({ where: { id: leaving.id }, data: { postedAt: dayAt(today, 4) } });
    await expectSameAsDirect(range, new Date());
    // Reports alone do not make a comment flagged; a rule's hold does.
    await db.$executeRaw`UPDATE comment SET priority = 5, "reportPriority" = 5 WHERE id = ${moving.id}`;
    await db.$executeRaw`UPDATE comment SET "isHeld" = true WHERE id = ${leaving.id}`;
    await expectSameAsDirect(range, new Date());
    await db.comment.update({ where: { id: moving.id }, data: { status: "HIDDEN", decidedAt: new Date(), version: { increment: 1 } } });
    await foldLiveDays();
    await expectSameAsDirect(range, new Date());

    // Many comments in one statement, as an import's chunk writes them (two per article and day).
    await db.$executeRaw`
      INSERT INTO comment ("articleId", source, "dedupeKey", "contentHash", body, "postedAt", "createdAt", priority, status)
      SELECT CASE WHEN g % 2 = 0 THEN ${article}::int ELSE ${other}::int END, 'test', 'live-days:' || g || ':' || ${today}, md5(g::text), 'bulk ' || g,
             ${dayAt(today, 0)}::timestamp + g * interval '7 minutes', now(), CASE WHEN g % 3 = 0 THEN 40 ELSE 0 END, 'PENDING'
      FROM generate_series(1, 12) g`;
    await expectSameAsDirect(range, new Date());
    await db.comment.deleteMany({ where: { dedupeKey: { startsWith: "live-days:" }, postedAt: { gte: dayAt(today, 0.5) } } });
    await db.comment.delete({ where: { id: leaving.id } });
    await expectSameAsDirect(range, new Date());
    await foldLiveDays();
    await expectSameAsDirect(range, new Date());
  });

  it("keep a decision still uncommitted during a fold for the next one", async () => {
    const { today, range } = liveDays("UTC");
    const comment = await makeComment(article, { postedAt: dayAt(today, 5) });
    await foldLiveDays();
    const decider = await getPgPool().connect();
    try {
      await decider.query("BEGIN");
      await decider.query(`UPDATE comment SET status = 'APPROVED', "decidedAt" = now(), "decidedById" = $1, version = version + 1 WHERE id = $2`, [moderator.id, comment.id]);
      // The fold neither waits for it nor folds its delta, which the decision's commit makes visible.
      await foldLiveDays();
      await expectSameAsDirect(range, new Date());
      await decider.query("COMMIT");
    } finally {
      decider.release(true);
    }
    expect(await deltaCounts()).toEqual({ posted: 1, decision: 1 });
    await expectSameAsDirect(range, new Date());
    await foldLiveDays();
    await expectSameAsDirect(range, new Date());
  });

  it("drop the days older than insights_decided_since with the refresh, and build a later held day with changes", async () => {
    const { today, range } = liveDays("UTC");
    await db.$executeRaw`UPDATE insights_decided_since SET day = ${addDays(today, -7)}::date`;
    await makeComment(article, { postedAt: dayAt(addDays(today, -6), 9) });
    await foldLiveDays();
    expect(await db.$queryRaw<{ day: string }[]>`SELECT to_char(day, 'YYYY-MM-DD') AS day FROM insights_live_day WHERE day = ${addDays(today, -6)}::date`).toEqual([{ day: addDays(today, -6) }]);
    await refreshInsightsRollup();
    const older = await db.$queryRaw<{ n: number }[]>`
      SELECT ((SELECT count(*) FROM insights_live_day WHERE day < ${addDays(today, -3)}::date) + (SELECT count(*) FROM insights_live_decision_day WHERE day < ${addDays(today, -3)}::date)
        + (SELECT count(*) FROM insights_live_article_delta) + (SELECT count(*) FROM insights_live_decision_delta))::int AS n`;
    expect(older).toEqual([{ n: 0 }]);
    await expectSameAsDirect(range, new Date());
  });

  it("fall back to the comments when a change bypassed the triggers, and the fold builds the day again", async () => {
    const { today, days, range } = liveDays("UTC");
    await makeComment(article, { postedAt: dayAt(today, 6) });
    await refreshInsightsRollup();
    // Changes no trigger could have written: more comments removed than the article has, a decision taken out that was never held.
    await db.$executeRaw`INSERT INTO insights_live_article_delta (day, "articleId", posted, pending, flagged, approved, hidden) VALUES (${today}::date, ${article}, -1000, -1000, 0, 0, 0)`;
    await db.$executeRaw`INSERT INTO insights_live_decision_delta (day, status, "decidedById", seconds, reason, sign) VALUES (${today}::date, 'APPROVED', ${moderator.id}, 12345.5, NULL, -1)`;
    expect(await servedFolded(days)).toEqual({ posted: days.filter((day) => day !== today), decision: days.filter((day) => day !== today) });
    await expectSameAsDirect(range, new Date());
    await foldLiveDays();
    await foldLiveDays();
    expect(await servedFolded(days)).toEqual({ posted: days, decision: days });
    await expectSameAsDirect(range, new Date());
  });

  it("count the desk's days, and are rebuilt in the new zone's days when it changes", async () => {
    await setDeskTimeZone(db, "Asia/Karachi", ADMIN);
    expect(await db.$queryRaw<{ n: number }[]>`SELECT ((SELECT count(*) FROM insights_live_day) + (SELECT count(*) FROM insights_live_decision_day))::int AS n`).toEqual([{ n: 0 }]);
    const { today, days, range } = liveDays("Asia/Karachi");
    // Just before and just after midnight in Karachi: two days there, one in UTC.
    const late = await makeComment(article, { postedAt: dayAt(addDays(today, -1), 23.75, "Asia/Karachi") });
    await makeComment(article, { postedAt: dayAt(today, 0.25, "Asia/Karachi") });
    await expectSameAsDirect(range, new Date());
    await refreshInsightsRollup();
    expect(await servedFolded(days)).toEqual({ posted: days, decision: days });
    await expectSameAsDirect(range, new Date());
    await decideComment({ action: "APPROVE", commentId: late.id, expectedVersion: late.version, expectedStatus: "PENDING" }, moderator);
    await expectSameAsDirect(range, new Date());

    await setDeskTimeZone(db, "America/New_York", ADMIN);
    const newYork = liveDays("America/New_York");
    await expectSameAsDirect(newYork.range, new Date());
    await refreshInsightsRollup();
    expect(await servedFolded(newYork.days)).toEqual({ posted: newYork.days, decision: newYork.days });
    await expectSameAsDirect(newYork.range, new Date());
    await setDeskTimeZone(db, "UTC", ADMIN);
  });
});
