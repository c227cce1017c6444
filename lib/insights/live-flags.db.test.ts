import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getPgPool } from "@/lib/db/pg-pool";
import { decideComment } from "@/lib/moderation/decide-comment";
import { makeArticle, makeComment, makeModerator } from "@/lib/moderation/test-factories";
import { undoDecision } from "@/lib/moderation/undo-decision";
import { computeDaySummaries } from "./compute-day-summaries";
import { addDays, makeRange, utcDay } from "./date-range";
import { getFlagInsights } from "./flag-insights";
import { loadInsights } from "./load-insights";
import { refreshInsightsRollup } from "./refresh-insights-rollup";
import { makeRule } from "./test-factories";

// insights_live_flag (migration insights_live_flags) against the comments and flags it stands for:
// after every kind of change its rows are the flags of the comments posted on or after
// insights_decided_since with each comment's state, and the page's rule and category figures equal
// the direct query's. On the real clock: its days are the database's today and the three before.

const TODAY = utcDay(new Date());
const SINCE = addDays(TODAY, -3);
const range = makeRange(addDays(TODAY, -29), TODAY);
const at = (day: string, hour = 12) => new Date(Date.parse(`${day}T${String(hour).padStart(2, "0")}:00:00Z`));
let article = 0;
let moderator: { id: string; label: string };
let abuse = 0;
let spam = 0;

beforeAll(async () => {
  article = await makeArticle("Live flags");
  moderator = await makeModerator("live-flags");
  abuse = await makeRule("ABUSIVE", "live abuse");
  spam = await makeRule("SPAM", "live spam");
});

interface HeldRow { flagId: number; commentId: number; day: string; ruleId: number; category: string; status: string; byPerson: boolean; counted: boolean }

async function heldAndExpected(): Promise<{ held: HeldRow[]; expected: HeldRow[] }> {
  const [held, expected] = await Promise.all([
    db.$queryRaw<HeldRow[]>`
      SELECT l."flagId", l."commentId", to_char(l.day, 'YYYY-MM-DD') AS day, l."ruleId", l.category::text, l.status::text, l."byPerson", l.counted
      FROM insights_live_flag l WHERE l.day >= (SELECT day FROM insights_decided_since) ORDER BY 1`,
    db.$queryRaw<HeldRow[]>`
      SELECT f.id AS "flagId", c.id AS "commentId", to_char(c."postedAt"::date, 'YYYY-MM-DD') AS day, f."ruleId", f.category::text,
             c.status::text, c."decidedById" IS NOT NULL AS "byPerson", c.priority > 0 AS counted
      FROM comment c JOIN flag f ON f."commentId" = c.id
      WHERE c."postedAt" >= (SELECT day FROM insights_decided_since) ORDER BY 1`,
  ]);
  return { held, expected };
}

async function expectSameAsComments(): Promise<void> {
  const { held, expected } = await heldAndExpected();
  expect(held).toEqual(expected);
  const data = await loadInsights(range, { withModerators: true });
  const direct = await getFlagInsights(range);
  expect(data.rules).toEqual(direct.rules);
  expect(data.categories).toEqual(direct.categories);
}

/** Flags written in one statement, as the importer's COPY and a re-run write them. */
async function flagAll(flags: { commentId: number; ruleId: number; category: "ABUSIVE" | "SPAM" }[]): Promise<void> {
  await db.flag.createMany({ data: flags.map((flag) => ({ ...flag, ruleVersion: 1, score: 1, spans: [], reason: "test" })) });
}

/** Until another session waits for a lock (the racing statement has reached it), at most 5 s. */
async function untilSomeoneWaits(): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`;
    if (row!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the racing statement never waited for the other's lock");
}

async function flaggedComment(postedAt: Date, priority = 2, parentId?: number): Promise<{ id: number; version: number }> {
  return makeComment(article, { postedAt, priority, parentId });
}

describe("the live days' flags (insights_live_flag)", () => {
  it("follow imports, replies, a rule run adding and withdrawing flags, and leave older days to the comments", async () => {
    const first = await flaggedComment(at(TODAY, 0));
    const reply = await flaggedComment(at(TODAY, 0), 2, first.id);
    const yesterday = await flaggedComment(at(addDays(TODAY, -1)));
    const older = await flaggedComment(at(addDays(TODAY, -6)));
    const unflagged = await flaggedComment(at(TODAY, 0), 0);
    // Two flags of one rule on a comment count it once for the rule, twice for the category's flags.
    await flagAll([
      { commentId: first.id, ruleId: abuse, category: "ABUSIVE" },
      { commentId: first.id, ruleId: abuse, category: "ABUSIVE" },
      { commentId: first.id, ruleId: spam, category: "SPAM" },
      { commentId: reply.id, ruleId: spam, category: "SPAM" },
      { commentId: yesterday.id, ruleId: abuse, category: "ABUSIVE" },
      { commentId: older.id, ruleId: abuse, category: "ABUSIVE" },
      { commentId: unflagged.id, ruleId: spam, category: "SPAM" },
    ]);
    expect(await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM insights_live_flag WHERE "commentId" = ${older.id}`).toEqual([{ n: 0 }]);
    await expectSameAsComments();
    const computed = await computeDaySummaries(db, [addDays(TODAY, -1), TODAY], "UTC");
    expect(computed.get(TODAY)!.rules[String(abuse)]).toEqual([1, 0, 0, 0, 1]);

    // A re-run withdraws a flag and adds another in one transaction, with new priorities.
    await db.$transaction([
      db.flag.deleteMany({ where: { commentId: first.id, ruleId: spam } }),
      db.flag.create({ data: { commentId: reply.id, ruleId: abuse, category: "ABUSIVE", ruleVersion: 2, score: 1, spans: [], reason: "test" } }),
      db.comment.update({ where: { id: first.id }, data: { priority: 1 } }),
    ]);
    await expectSameAsComments();
  });

  it("follow decisions, undo, reports raising priority, a moved posting day and deletes", async () => {
    const comment = await flaggedComment(at(TODAY, 0));
    const quiet = await flaggedComment(at(addDays(TODAY, -2)), 0);
    await flagAll([
      { commentId: comment.id, ruleId: spam, category: "SPAM" },
      { commentId: quiet.id, ruleId: abuse, category: "ABUSIVE" },
    ]);
    const hid = await decideComment({ action: "HIDE", reason: "SPAM", commentId: comment.id, expectedVersion: comment.version, expectedStatus: "PENDING" }, moderator);
    await expectSameAsComments();
    await undoDecision({ decisionId: hid.decisionId, expectedVersion: hid.version }, moderator);
    await expectSameAsComments();
    // A rule's auto-hide: hidden with no person.
    await db.comment.update({ where: { id: comment.id }, data: { status: "HIDDEN", decidedAt: new Date(), version: { increment: 1 } } });
    await expectSameAsComments();

    // Reports raise a flagged comment's priority above 0 (record-reader-reports.ts' update).
    await db.$executeRaw`UPDATE comment SET "reportCount" = 3, priority = priority - "reportPriority" + 2, "reportPriority" = 2 WHERE id = ${quiet.id}`;
    await expectSameAsComments();

    // Posted days moved out of the held days and back.
    await db.comment.update({ where: { id: quiet.id }, data: { postedAt: at(addDays(TODAY, -10)) } });
    await expectSameAsComments();
    await db.comment.update({ where: { id: quiet.id }, data: { postedAt: at(addDays(TODAY, -1)) } });
    await expectSameAsComments();

    // A deleted comment's flags go by the cascade.
    await db.comment.delete({ where: { id: quiet.id } });
    expect(await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM insights_live_flag WHERE "commentId" = ${quiet.id}`).toEqual([{ n: 0 }]);
    await expectSameAsComments();
  });

  it("stay exact when a rule run's flags and a moderator's decision race, whichever locks first", async () => {
    const pool = getPgPool();
    for (const decisionFirst of [true, false]) {
      const comment = await flaggedComment(at(TODAY, 1));
      const decider = await pool.connect();
      const ruleRun = await pool.connect();
      try {
        const decide = `UPDATE comment SET status = 'HIDDEN', "decidedAt" = now(), "decidedById" = $1, version = version + 1 WHERE id = $2`;
        const flag = `INSERT INTO flag ("commentId", "ruleId", "ruleVersion", category, score, spans, reason) VALUES ($1, $2, 1, 'ABUSIVE', 1, '[]', 'race')`;
        await decider.query("BEGIN");
        await ruleRun.query("BEGIN");
        if (decisionFirst) {
          await decider.query(decide, [moderator.id, comment.id]);
          const waiting = ruleRun.query(flag, [comment.id, abuse]);
          await untilSomeoneWaits();
          await decider.query("COMMIT");
          await waiting;
          await ruleRun.query("COMMIT");
        } else {
          await ruleRun.query(flag, [comment.id, abuse]);
          const waiting = decider.query(decide, [moderator.id, comment.id]);
          await untilSomeoneWaits();
          await ruleRun.query("COMMIT");
          await waiting;
          await decider.query("COMMIT");
        }
      } finally {
        // Closed, not returned to the pool: a failed race must not leave a transaction open.
        decider.release(true);
        ruleRun.release(true);
      }
      const held = await db.$queryRaw<{ status: string; byPerson: boolean }[]>`SELECT status::text, "byPerson" FROM insights_live_flag WHERE "commentId" = ${comment.id}`;
      expect(held).toEqual([{ status: "HIDDEN", byPerson: true }]);
      await expectSameAsComments();
    }
  });

  it("stay exact when a withdrawn flag and a decision race", async () => {
    const pool = getPgPool();
    for (const decisionFirst of [true, false]) {
      const comment = await flaggedComment(at(TODAY, 2));
      await flagAll([{ commentId: comment.id, ruleId: spam, category: "SPAM" }]);
      const decider = await pool.connect();
      const ruleRun = await pool.connect();
      try {
        const decide = `UPDATE comment SET status = 'APPROVED', "decidedAt" = now(), "decidedById" = $1, version = version + 1 WHERE id = $2`;
        const withdraw = `DELETE FROM flag WHERE "commentId" = $1`;
        await decider.query("BEGIN");
        await ruleRun.query("BEGIN");
        if (decisionFirst) {
          await decider.query(decide, [moderator.id, comment.id]);
          const waiting = ruleRun.query(withdraw, [comment.id]);
          await untilSomeoneWaits();
          await decider.query("COMMIT");
          await waiting;
          await ruleRun.query("COMMIT");
        } else {
          await ruleRun.query(withdraw, [comment.id]);
          const waiting = decider.query(decide, [moderator.id, comment.id]);
          await untilSomeoneWaits();
          await ruleRun.query("COMMIT");
          await waiting;
          await decider.query("COMMIT");
        }
      } finally {
        // Closed, not returned to the pool: a failed race must not leave a transaction open.
        decider.release(true);
        ruleRun.release(true);
      }
      expect(await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM insights_live_flag WHERE "commentId" = ${comment.id}`).toEqual([{ n: 0 }]);
      await expectSameAsComments();
    }
  });

  it("are pruned with insights_decided_since by the refresh", async () => {
    const stray = await flaggedComment(at(TODAY, 3));
    await db.$executeRaw`UPDATE insights_decided_since SET day = ${addDays(TODAY, -7)}::date`;
    await db.$executeRaw`INSERT INTO insights_live_flag ("flagId", "commentId", day, "ruleId", category, status, "byPerson", counted)
      VALUES (${-stray.id}, ${stray.id}, ${addDays(TODAY, -6)}::date, ${abuse}, 'ABUSIVE', 'PENDING', false, true)`;
    await refreshInsightsRollup();
    expect(utcDay((await db.insightsDecidedSince.findUniqueOrThrow({ where: { id: 1 } })).day)).toBe(SINCE);
    expect(await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM insights_live_flag WHERE day < ${SINCE}::date`).toEqual([{ n: 0 }]);
    await expectSameAsComments();
  });
});
