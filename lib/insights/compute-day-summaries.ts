import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { nextDay } from "@/lib/time-zone-days";
import { consecutiveRuns, dayStart } from "./date-range";
import { emptyDaySummary, type DaySummary } from "./day-summary";
import { readLiveFlagDays } from "./live-flag-days";
import { readLivePostedDays } from "./live-posted-days";
import { packFixedArticleCounts } from "./packed-article-counts";
import { STATUS_COUNTS, zoneLiteral } from "./range-sql";
import { zoneDaySql } from "./zone-day-segments";

/** $queryRaw of the Prisma client or of an interactive transaction. */
export type SqlReader = Pick<Prisma.TransactionClient, "$queryRaw">;

// The per-day figures of lib/insights' direct posting-day queries (same predicates, one row per
// (rule, comment)), grouped by posted day in the zone Insights counts in (insights-zone.ts), and the day's per-article counts packed as
// article-figures.ts reads them. The days are an OR of
// literal ranges rather than a join with unnest(): the planner then estimates the rows right (a
// join's guess of a ninth of the table made it hash all flags for one day's comments).

/**
 * `column` (a timestamp of comment c) in one of the days, one range per run of consecutive days:
 * the three live days as one range are an index range scan (index-only for the posted days'
 * counts), where an OR of three ranges made a bitmap of them and visited every row in the heap
 * (at 10M comments 0.8 to 1.9 s for the live posted days' counts, 0.15 to 0.3 s as one range).
 */
export function inDaysOf(column: Prisma.Sql, days: string[], timeZone: string): Prisma.Sql {
  // Each run's bounds are its first and next day's midnights in the zone, found here: the scan is
  // the same index range as for UTC days, only shifted.
  const ranges = consecutiveRuns(days).map(([first, last]) => Prisma.sql`(${column} >= ${dayStart(first, timeZone)}::timestamp AND ${column} < ${dayStart(nextDay(last), timeZone)}::timestamp)`);
  return Prisma.sql`(${Prisma.join(ranges, " OR ")})`;
}

const inDays = (days: string[], timeZone: string) => inDaysOf(Prisma.raw(`c."postedAt"`), days, timeZone);

export interface QueueRow { day: string; posted: number; pending: number; flagged: number; approved: number; hidden: number; articles: Uint8Array }
interface KeyedRow { day: string; key: string; a: number; b: number; c: number; d: number; e: number }

/**
 * Summaries of the given days; a day without comments comes back empty. The two queries run side
 * by side unless `sequential` (a transaction runs one statement at a time anyway).
 */
export async function computeDaySummaries(reader: SqlReader, days: string[], timeZone: string, options: { sequential?: boolean } = {}): Promise<Map<string, DaySummary>> {
  const summaries = new Map(days.map((day) => [day, emptyDaySummary(day)]));
  if (days.length === 0) return summaries;
  const of = (day: string) => summaries.get(day) ?? emptyDaySummary(day);
  const run = options.sequential ? sequentially : (queries: (() => Promise<unknown>)[]) => Promise.all(queries.map((query) => query()));
  await run([
    async () => {
      // The live days the rollup job has folded, from their rows and deltas; the others from the comments.
      const folded = await readLivePostedDays(reader, days);
      for (const [day, live] of folded) Object.assign(of(day), live);
      const rest = days.filter((day) => !folded.has(day));
      if (rest.length === 0) return;
      for (const row of await queueQuery(reader, rest, timeZone)) {
        const summary = of(row.day);
        summary.queue = [row.posted, row.pending, row.flagged, row.approved, row.hidden];
        summary.articles = packFixedArticleCounts(row.articles);
      }
    },
    async () => {
      // The live days' flag figures the rollup job has folded, from their rows and deltas; the others from the flags.
      const folded = await readLiveFlagDays(reader, days);
      for (const [day, figures] of folded) Object.assign(of(day), figures);
      const rest = days.filter((day) => !folded.has(day));
      if (rest.length > 0) addFlagFigures(await flagQuery(reader, rest, timeZone), of);
    },
  ]);
  return summaries;
}

async function sequentially(queries: (() => Promise<unknown>)[]): Promise<void> {
  for (const query of queries) await query();
}

/**
 * The day's queue counts, and its per-article counts (comments, flagged, hidden: getArticleInsights')
 * by articleId as big-endian int4 quadruples, packed smaller in JS (packed-article-counts.ts): one pass over the day's comments for both (an
 * index-only scan of comment(postedAt, articleId, status, priority, isHeld, reportPriority)).
 */
function queueQuery(reader: SqlReader, days: string[], timeZone: string) {
  return reader.$queryRaw<QueueRow[]>`${queueSql(days, timeZone)}`;
}

/** queueQuery's statement, for the fold's build of a live day (fold-live-posted-days.ts). */
export function queueSql(days: string[], timeZone: string): Prisma.Sql {
  return Prisma.sql`
    SELECT to_char(a.day, 'YYYY-MM-DD') AS day,
           sum(a.comments)::int AS posted, sum(a.pending)::int AS pending, sum(a.flagged)::int AS flagged,
           sum(a.approved)::int AS approved, sum(a.hidden)::int AS hidden,
           string_agg(int4send(a."articleId") || int4send(a.comments) || int4send(a.flagged) || int4send(a.hidden), ''::bytea ORDER BY a."articleId") AS articles
    FROM (
      SELECT ${zoneDaySql(`c."postedAt"`, days, timeZone)} AS day, c."articleId",
             count(*)::int AS comments,
             ${STATUS_COUNTS}
      FROM comment c
      WHERE ${inDays(days, timeZone)}
      GROUP BY 1, 2
    ) a
    GROUP BY a.day`;
}

/**
 * The days' flags of comments with priority > 0, one row per flag with its comment's state: from
 * insights_live_flag for the days it holds (on or after insights_decided_since, the live days: a
 * day's flags, read together), from the comments and a probe of flag per flagged comment for older
 * days. One statement, so the held day and its rows are one snapshot (the rollup job moves the day
 * and prunes older rows together).
 */
function flagQuery(reader: SqlReader, days: string[], timeZone: string) {
  return reader.$queryRaw<FlagFigureRow[]>`
    WITH since AS MATERIALIZED (
      SELECT COALESCE((SELECT s.day FROM insights_decided_since s WHERE s.id = 1), 'infinity'::date) AS day
    ), flagged AS MATERIALIZED (
      SELECT l.day, l."ruleId", l.category, l."commentId" AS id, l.status, l."byPerson"
      FROM insights_live_flag l
      WHERE l.day = ANY(${days}::date[]) AND l.day >= (SELECT day FROM since) AND l.counted
      UNION ALL
      SELECT ${zoneDaySql(`c."postedAt"`, days, timeZone)} AS day, f."ruleId", f.category, c.id, c.status, c."decidedById" IS NOT NULL AS "byPerson"
      FROM comment c
      -- A probe of flag(commentId) per flagged comment of the days. As a plain join the planner
      -- hashes the whole flag table once the days hold a few thousand flagged comments (a scan that
      -- grows with the table); OFFSET 0 keeps the subquery from being flattened into that join.
      CROSS JOIN LATERAL (SELECT x."ruleId", x.category FROM flag x WHERE x."commentId" = c.id OFFSET 0) f
      WHERE ${inDays(days, timeZone)} AND c.priority > 0 AND c."postedAt" < insights_day_start((SELECT day FROM since), ${zoneLiteral(timeZone)})
    )
    ${FLAG_FIGURES}`;
}

/**
 * The rule and category figures per day of a CTE `flagged` (day, ruleId, category, id, status,
 * byPerson): one row per flag of a counted comment. Also the fold's build of a live day (fold-live-flags.ts).
 */
export const FLAG_FIGURES = Prisma.sql`
    SELECT 'rule' AS kind, to_char(day, 'YYYY-MM-DD') AS day, "ruleId"::text AS key,
           count(*)::int AS a,
           count(*) FILTER (WHERE status = 'HIDDEN' AND "byPerson")::int AS b,
           count(*) FILTER (WHERE status = 'APPROVED' AND "byPerson")::int AS c,
           count(*) FILTER (WHERE status = 'HIDDEN' AND NOT "byPerson")::int AS d,
           count(*) FILTER (WHERE status = 'PENDING')::int AS e
    FROM (SELECT DISTINCT day, "ruleId", id, status, "byPerson" FROM flagged) per_comment
    GROUP BY day, "ruleId"
    UNION ALL
    SELECT 'category', to_char(day, 'YYYY-MM-DD'), category::text, count(*)::int, count(DISTINCT id)::int, 0, 0, 0
    FROM flagged GROUP BY day, category`;

export type FlagFigureRow = KeyedRow & { kind: "rule" | "category" };

/** Rows of FLAG_FIGURES into the days' summaries. */
export function addFlagFigures(rows: readonly FlagFigureRow[], of: (day: string) => Pick<DaySummary, "rules" | "categories">): void {
  for (const row of rows) {
    if (row.kind === "rule") of(row.day).rules[row.key] = [row.a, row.b, row.c, row.d, row.e];
    else of(row.day).categories[row.key] = [row.a, row.b];
  }
}
