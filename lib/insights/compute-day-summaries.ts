import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { emptyDaySummary, type DaySummary } from "./day-summary";
import { HUMAN_DECIDED, SECONDS_TO_DECISION } from "./range-sql";

/** $queryRaw of the Prisma client or of an interactive transaction. */
export type SqlReader = Pick<Prisma.TransactionClient, "$queryRaw">;

// The per-day figures of lib/insights' direct queries (same predicates: HUMAN_DECIDED, the latest
// hide's reason, one row per (rule, comment)), grouped by posted day. The days are an OR of
// literal ranges rather than a join with unnest(): the planner then estimates the rows right (a
// join's guess of a ninth of the table made it hash all flags for one day's comments).

const DAY_OF = Prisma.raw(`c."postedAt"::date`);

function inDays(days: string[]): Prisma.Sql {
  const ranges = days.map((day) => Prisma.sql`(c."postedAt" >= ${day}::timestamp AND c."postedAt" < ${day}::timestamp + interval '1 day')`);
  return Prisma.sql`(${Prisma.join(ranges, " OR ")})`;
}

interface QueueRow { day: string; posted: number; pending: number; flagged: number; approved: number; hidden: number; latency: number[] }
interface KeyedRow { day: string; key: string; a: number; b: number; c: number; d: number; e: number }

/**
 * Summaries of the given days; a day without comments comes back empty. The four queries run side
 * by side unless `sequential` (a transaction runs one statement at a time anyway).
 */
export async function computeDaySummaries(reader: SqlReader, days: string[], options: { sequential?: boolean } = {}): Promise<Map<string, DaySummary>> {
  const summaries = new Map(days.map((day) => [day, emptyDaySummary(day)]));
  if (days.length === 0) return summaries;
  const of = (day: string) => summaries.get(day) ?? emptyDaySummary(day);
  const run = options.sequential ? sequentially : (queries: (() => Promise<unknown>)[]) => Promise.all(queries.map((query) => query()));
  await run([
    () => queueQuery(reader, days).then((rows) => {
      for (const row of rows) {
        const summary = of(row.day);
        summary.queue = [row.posted, row.pending, row.flagged, row.approved, row.hidden];
        summary.latency = row.latency.map(Number);
      }
    }),
    () => moderatorQuery(reader, days).then((rows) => {
      for (const row of rows) of(row.day).moderators[row.key] = [row.a, row.b, row.c];
    }),
    () => reasonQuery(reader, days).then((rows) => {
      for (const row of rows) of(row.day).reasons[row.key] = [row.a, row.b];
    }),
    () => flagQuery(reader, days).then((rows) => {
      for (const row of rows) {
        if (row.kind === "rule") of(row.day).rules[row.key] = [row.a, row.b, row.c, row.d, row.e];
        else of(row.day).categories[row.key] = [row.a, row.b];
      }
    }),
  ]);
  return summaries;
}

async function sequentially(queries: (() => Promise<unknown>)[]): Promise<void> {
  for (const query of queries) await query();
}

function queueQuery(reader: SqlReader, days: string[]) {
  return reader.$queryRaw<QueueRow[]>`
    SELECT to_char(${DAY_OF}, 'YYYY-MM-DD') AS day,
           count(*)::int AS posted,
           count(*) FILTER (WHERE c.status = 'PENDING')::int AS pending,
           count(*) FILTER (WHERE c.priority > c."reportPriority" OR c."isHeld")::int AS flagged,
           count(*) FILTER (WHERE c.status = 'APPROVED')::int AS approved,
           count(*) FILTER (WHERE c.status = 'HIDDEN')::int AS hidden,
           COALESCE(array_agg(${SECONDS_TO_DECISION}::float8) FILTER (WHERE ${HUMAN_DECIDED}), '{}') AS latency
    FROM comment c
    WHERE ${inDays(days)}
    GROUP BY 1`;
}

function moderatorQuery(reader: SqlReader, days: string[]) {
  return reader.$queryRaw<KeyedRow[]>`
    SELECT to_char(${DAY_OF}, 'YYYY-MM-DD') AS day, c."decidedById" AS key, count(*)::int AS a,
           count(*) FILTER (WHERE c.status = 'APPROVED')::int AS b, count(*) FILTER (WHERE c.status = 'HIDDEN')::int AS c
    FROM comment c
    WHERE ${inDays(days)} AND ${HUMAN_DECIDED}
    GROUP BY 1, c."decidedById"`;
}

function reasonQuery(reader: SqlReader, days: string[]) {
  return reader.$queryRaw<KeyedRow[]>`
    SELECT to_char(${DAY_OF}, 'YYYY-MM-DD') AS day, COALESCE(h.reason::text, 'OTHER') AS key,
           count(*) FILTER (WHERE c."decidedById" IS NOT NULL)::int AS a, count(*) FILTER (WHERE c."decidedById" IS NULL)::int AS b
    FROM comment c
    LEFT JOIN LATERAL (
      SELECT x.reason FROM decision x
      WHERE x."commentId" = c.id AND x."toStatus" = 'HIDDEN'
      ORDER BY x."createdAt" DESC LIMIT 1
    ) h ON TRUE
    WHERE ${inDays(days)} AND c.status = 'HIDDEN'
    GROUP BY 1, 2`;
}

function flagQuery(reader: SqlReader, days: string[]) {
  return reader.$queryRaw<(KeyedRow & { kind: "rule" | "category" })[]>`
    WITH flagged AS MATERIALIZED (
      SELECT ${DAY_OF} AS day, f."ruleId", f.category, c.id, c.status, c."decidedById" IS NOT NULL AS "byPerson"
      FROM comment c JOIN flag f ON f."commentId" = c.id
      WHERE ${inDays(days)} AND c.priority > 0
    )
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
}
