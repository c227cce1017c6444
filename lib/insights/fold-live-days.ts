import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { queueSql, type QueueRow } from "./compute-day-summaries";
import { recentDecisionDaysWith } from "./compute-decision-day-summaries";
import { addDays, dayOfInstant } from "./date-range";
import type { QueueCounts } from "./day-summary";
import type { DecisionDaySummary } from "./decision-day-summary";
import { readInsightsZone } from "./insights-zone";
import { appliedOrNull, applyArticleDeltas, type ArticleDelta, type LivePostedDay } from "./live-day-deltas";
import { foldedWithDeltas } from "./live-decision-days";
import { foldLiveFlagDays } from "./fold-live-flags";
import { packFixedArticleCounts } from "./packed-article-counts";
import { encodeSortedSeconds } from "./stored-seconds";

// The insights-rollup job's half of the live days (live-posted-days.ts and live-decision-days.ts
// read them): folds the deltas the triggers appended into each held day's row, builds the row of a
// held day that has none (today, yesterday, the day before, and any later day with deltas) from
// its comments (posted days) or insights_decided_comment (decision days), and drops days older than
// insights_decided_since. One transaction:
// - readInsightsZone first: a change of the desk's zone (which empties these tables in its own
//   transaction) waits for the fold, and the fold for it;
// - an advisory lock: two folds (two app instances) take turns, never fold one delta twice;
// - a day's row is built in the same statement that deletes its deltas, so one snapshot: a delta
//   deleted there is a change the rows read there already show, and a change not yet committed
//   keeps its delta for the next fold; the fold of existing rows deletes only their days' deltas.

const FOLD_LOCK = 7_424_210; // pg_advisory_xact_lock key of this fold

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

export interface LiveFold {
  /** Days whose row was built from their comments, held decisions or held flags: posted, decision and flag days. */
  built: number;
  /** Delta groups folded into existing rows. */
  folded: number;
}

export async function foldLiveDays(options: { now?: Date } = {}): Promise<LiveFold> {
  return db.$transaction(
    async (tx) => {
      const { timeZone } = await readInsightsZone(tx);
      await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${FOLD_LOCK}::bigint)`;
      const [held] = await tx.$queryRaw<{ since: string | null }[]>`SELECT to_char(s.day, 'YYYY-MM-DD') AS since FROM insights_decided_since s WHERE s.id = 1`;
      const since = held?.since ?? null;
      if (since === null) return { built: 0, folded: 0 };
      for (const table of ["insights_live_article_delta", "insights_live_day", "insights_live_decision_delta", "insights_live_decision_day", "insights_live_flag_delta", "insights_live_flag_day"]) {
        await tx.$executeRaw`DELETE FROM ${Prisma.raw(table)} WHERE day < ${since}::date`;
      }
      const today = dayOfInstant(options.now ?? new Date(), timeZone);
      const liveThree = [addDays(today, -2), addDays(today, -1), today].filter((day) => day >= since);
      const posted = await foldPostedDays(tx, since, liveThree, timeZone);
      const decision = await foldDecisionDays(tx, since, liveThree);
      const flags = await foldLiveFlagDays(tx, await unbuiltDays(tx, since, liveThree, Prisma.raw("insights_live_flag_day"), Prisma.raw("insights_live_flag_delta")));
      return { built: posted.built + decision.built + flags.built, folded: posted.folded + decision.folded + flags.folded };
    },
    { timeout: 60_000 },
  );
}

/** The held days (the live three, and any with deltas) that have no row yet. */
async function unbuiltDays(tx: Tx, since: string, liveThree: string[], rows: Prisma.Sql, deltas: Prisma.Sql): Promise<string[]> {
  // A delta of an older day (a writer that read the former since day) is never built: pruned next time.
  const unbuilt = await tx.$queryRaw<{ day: string }[]>`
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day
    FROM (SELECT unnest(${liveThree}::date[]) AS day UNION SELECT DISTINCT x.day FROM ${deltas} x WHERE x.day >= ${since}::date) d
    WHERE NOT EXISTS (SELECT 1 FROM ${rows} f WHERE f.day = d.day)
    ORDER BY 1`;
  return unbuilt.map((row) => row.day);
}

async function foldPostedDays(tx: Tx, since: string, liveThree: string[], timeZone: string): Promise<LiveFold> {
  const toBuild = await unbuiltDays(tx, since, liveThree, Prisma.raw("insights_live_day"), Prisma.raw("insights_live_article_delta"));
  const days = new Map<string, LivePostedDay>(toBuild.map((day) => [day, { queue: [0, 0, 0, 0, 0], articles: new Uint8Array(0) }]));
  if (toBuild.length > 0) {
    const rows = await tx.$queryRaw<QueueRow[]>`
      WITH gone AS (DELETE FROM insights_live_article_delta WHERE day = ANY(${toBuild}::date[]))
      ${queueSql(toBuild, timeZone)}`;
    for (const row of rows) days.set(row.day, { queue: [row.posted, row.pending, row.flagged, row.approved, row.hidden], articles: packFixedArticleCounts(row.articles) });
  }
  const deltas = await tx.$queryRaw<{ day: string; articleId: number; posted: number; pending: number; flagged: number; approved: number; hidden: number }[]>`
    WITH gone AS (DELETE FROM insights_live_article_delta WHERE day IN (SELECT f.day FROM insights_live_day f) RETURNING day, "articleId", posted, pending, flagged, approved, hidden)
    SELECT to_char(day, 'YYYY-MM-DD') AS day, "articleId", sum(posted)::int AS posted, sum(pending)::int AS pending,
           sum(flagged)::int AS flagged, sum(approved)::int AS approved, sum(hidden)::int AS hidden
    FROM gone GROUP BY day, "articleId"`;
  const byDay = new Map<string, ArticleDelta[]>();
  for (const row of deltas) byDay.set(row.day, [...(byDay.get(row.day) ?? []), [row.articleId, row.posted, row.pending, row.flagged, row.approved, row.hidden]]);
  if (byDay.size > 0) {
    const rows = await tx.$queryRaw<{ day: string; queue: number[]; articles: Uint8Array }[]>`
      SELECT to_char(day, 'YYYY-MM-DD') AS day, queue, articles FROM insights_live_day WHERE day = ANY(${[...byDay.keys()]}::date[])`;
    for (const row of rows) {
      const applied = appliedOrNull(row.day, () => applyArticleDeltas({ queue: row.queue as QueueCounts, articles: row.articles }, byDay.get(row.day)!));
      if (applied) days.set(row.day, applied);
      else await tx.$executeRaw`DELETE FROM insights_live_day WHERE day = ${row.day}::date`;
    }
  }
  for (const [day, { queue, articles }] of days) {
    await tx.$executeRaw`
      INSERT INTO insights_live_day (day, queue, articles, "foldedAt") VALUES (${day}::date, ${queue}::int[], ${articles}, now())
      ON CONFLICT (day) DO UPDATE SET queue = EXCLUDED.queue, articles = EXCLUDED.articles, "foldedAt" = EXCLUDED."foldedAt"`;
  }
  return { built: toBuild.length, folded: deltas.length };
}

async function foldDecisionDays(tx: Tx, since: string, liveThree: string[]): Promise<LiveFold> {
  const toBuild = await unbuiltDays(tx, since, liveThree, Prisma.raw("insights_live_decision_day"), Prisma.raw("insights_live_decision_delta"));
  const days =
    toBuild.length > 0
      ? await recentDecisionDaysWith(tx, Prisma.sql`gone AS (DELETE FROM insights_live_decision_delta WHERE day = ANY(${toBuild}::date[])),`, toBuild)
      : new Map<string, DecisionDaySummary>();
  const deltas = await tx.$queryRaw<Parameters<typeof foldedWithDeltas>[0]>`
    WITH gone AS (DELETE FROM insights_live_decision_delta WHERE day IN (SELECT f.day FROM insights_live_decision_day f) RETURNING day, status, "decidedById", seconds, reason, sign),
    changed AS MATERIALIZED (
      SELECT day, status::text, "decidedById", seconds, reason::text, sum(sign)::int AS count FROM gone
      GROUP BY day, status, "decidedById", seconds, reason HAVING sum(sign) <> 0
    )
    SELECT 'folded' AS kind, to_char(f.day, 'YYYY-MM-DD') AS day, f.summary, f.latency, NULL AS status, NULL AS "decidedById", 0::float8 AS seconds, NULL AS reason, 0 AS count
    FROM insights_live_decision_day f WHERE f.day IN (SELECT day FROM changed)
    UNION ALL
    SELECT 'delta', to_char(day, 'YYYY-MM-DD'), NULL, NULL, status, "decidedById", seconds, reason, count FROM changed`;
  const folded = foldedWithDeltas(deltas);
  for (const row of deltas) {
    if (row.kind !== "folded") continue;
    const summary = folded.get(row.day);
    if (summary) days.set(row.day, summary);
    else await tx.$executeRaw`DELETE FROM insights_live_decision_day WHERE day = ${row.day}::date`;
  }
  for (const [day, { latency, ...summary }] of days) {
    const counts = { approved: summary.approved, reasons: summary.reasons, moderators: summary.moderators };
    await tx.$executeRaw`
      INSERT INTO insights_live_decision_day (day, summary, latency, "foldedAt") VALUES (${day}::date, ${JSON.stringify(counts)}::jsonb, ${encodeSortedSeconds(latency)}, now())
      ON CONFLICT (day) DO UPDATE SET summary = EXCLUDED.summary, latency = EXCLUDED.latency, "foldedAt" = EXCLUDED."foldedAt"`;
  }
  return { built: toBuild.length, folded: deltas.filter((row) => row.kind === "delta").length };
}
