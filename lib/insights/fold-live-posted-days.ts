import "server-only";
import { db } from "@/lib/db/client";
import { packFixedArticleCounts } from "./packed-article-counts";
import { queueSql, type QueueRow } from "./compute-day-summaries";
import { addDays, dayOfInstant } from "./date-range";
import { readInsightsZone } from "./insights-zone";
import { applyArticleDeltas, type ArticleDelta, type LivePostedDay } from "./live-day-deltas";
import type { QueueCounts } from "./day-summary";

// The insights-rollup job's half of the live posted days (live-posted-days.ts reads them): folds
// the deltas the comment triggers appended into each held day's row, builds the row of a held day
// that has none (today, yesterday, the day before, and any later day with deltas) from its
// comments, and drops days older than insights_decided_since. One transaction:
// - readInsightsZone first: a change of the desk's zone (which empties both tables in its own
//   transaction) waits for the fold, and the fold for it;
// - an advisory lock: two folds (two app instances) take turns, never fold one delta twice;
// - a day's row is built from its comments in the same statement that deletes its deltas, so one
//   snapshot: a delta deleted there is a change the comments read there already show, and a change
//   not yet committed keeps its delta for the next fold.

const FOLD_LOCK = 7_424_210; // pg_advisory_xact_lock key of this fold

export interface LiveFold {
  /** Days whose row was built from their comments. */
  built: number;
  /** Deltas (grouped per day and article) folded into existing rows. */
  folded: number;
}

interface DeltaRow {
  day: string;
  articleId: number;
  posted: number;
  pending: number;
  flagged: number;
  approved: number;
  hidden: number;
}

export async function foldLivePostedDays(options: { now?: Date } = {}): Promise<LiveFold> {
  return db.$transaction(
    async (tx) => {
      const { timeZone } = await readInsightsZone(tx);
      await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${FOLD_LOCK}::bigint)`;
      const [held] = await tx.$queryRaw<{ since: string | null }[]>`SELECT to_char(s.day, 'YYYY-MM-DD') AS since FROM insights_decided_since s WHERE s.id = 1`;
      const since = held?.since ?? null;
      if (since === null) return { built: 0, folded: 0 };
      await tx.$executeRaw`DELETE FROM insights_live_article_delta WHERE day < ${since}::date`;
      await tx.$executeRaw`DELETE FROM insights_live_day WHERE day < ${since}::date`;

      const today = dayOfInstant(options.now ?? new Date(), timeZone);
      const liveThree = [addDays(today, -2), addDays(today, -1), today].filter((day) => day >= since);
      const unbuilt = await tx.$queryRaw<{ day: string }[]>`
        SELECT to_char(d.day, 'YYYY-MM-DD') AS day
        FROM (SELECT unnest(${liveThree}::date[]) AS day UNION SELECT DISTINCT x.day FROM insights_live_article_delta x) d
        WHERE NOT EXISTS (SELECT 1 FROM insights_live_day f WHERE f.day = d.day)
        ORDER BY 1`;
      const toBuild = unbuilt.map((row) => row.day);
      if (toBuild.length > 0) {
        const rows = await tx.$queryRaw<QueueRow[]>`
          WITH gone AS (DELETE FROM insights_live_article_delta WHERE day = ANY(${toBuild}::date[]))
          ${queueSql(toBuild, timeZone)}`;
        const built = new Map<string, LivePostedDay>(toBuild.map((day) => [day, { queue: [0, 0, 0, 0, 0], articles: new Uint8Array(0) }]));
        for (const row of rows) built.set(row.day, { queue: [row.posted, row.pending, row.flagged, row.approved, row.hidden], articles: packFixedArticleCounts(row.articles) });
        await store(tx, built);
      }

      const deltas = await tx.$queryRaw<DeltaRow[]>`
        -- Only days with a row: a delta committed since the build above, of a day without one, waits for the next fold.
        WITH gone AS (DELETE FROM insights_live_article_delta WHERE day IN (SELECT f.day FROM insights_live_day f) RETURNING day, "articleId", posted, pending, flagged, approved, hidden)
        SELECT to_char(day, 'YYYY-MM-DD') AS day, "articleId", sum(posted)::int AS posted, sum(pending)::int AS pending,
               sum(flagged)::int AS flagged, sum(approved)::int AS approved, sum(hidden)::int AS hidden
        FROM gone GROUP BY day, "articleId"`;
      if (deltas.length === 0) return { built: toBuild.length, folded: 0 };
      const byDay = new Map<string, ArticleDelta[]>();
      for (const row of deltas) byDay.set(row.day, [...(byDay.get(row.day) ?? []), [row.articleId, row.posted, row.pending, row.flagged, row.approved, row.hidden]]);
      const rows = await tx.$queryRaw<{ day: string; queue: number[]; articles: Uint8Array }[]>`
        SELECT to_char(day, 'YYYY-MM-DD') AS day, queue, articles FROM insights_live_day WHERE day = ANY(${[...byDay.keys()]}::date[])`;
      const folded = new Map<string, LivePostedDay>();
      for (const row of rows) folded.set(row.day, applyArticleDeltas({ queue: row.queue as QueueCounts, articles: row.articles }, byDay.get(row.day)!));
      await store(tx, folded);
      return { built: toBuild.length, folded: deltas.length };
    },
    { timeout: 60_000 },
  );
}

type Writer = Parameters<Parameters<typeof db.$transaction>[0]>[0];

async function store(tx: Writer, days: Map<string, LivePostedDay>): Promise<void> {
  for (const [day, { queue, articles }] of days) {
    await tx.$executeRaw`
      INSERT INTO insights_live_day (day, queue, articles, "foldedAt") VALUES (${day}::date, ${queue}::int[], ${articles}, now())
      ON CONFLICT (day) DO UPDATE SET queue = EXCLUDED.queue, articles = EXCLUDED.articles, "foldedAt" = EXCLUDED."foldedAt"`;
  }
}
