import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { inDaysOf, type SqlReader } from "./compute-day-summaries";
import { emptyDecisionDaySummary, type DecisionDaySummary } from "./decision-day-summary";
import { latestHideReasonJoin, SECONDS_TO_DECISION } from "./range-sql";
import { decodeFloat8s } from "./sorted-values";
import { zoneDaySql } from "./zone-day-segments";

// decisions-made-in-range.ts's figures (same predicates: decisions in force, people's apart from
// the rules', the latest hide's reason), grouped by decision day, from one of two sources of the
// same rows (day, status, decidedById, seconds, reason): the comments themselves (one range scan of
// comment(status, decidedAt, id), a heap visit per decided comment and a probe of decision per
// hidden one), or, for the recent days, insights_decided_comment, which the statement triggers keep
// (migration insights_live_decisions): a day's decisions, read together.

interface Row {
  kind: "latency" | "reason" | "moderator" | "since";
  day: string;
  key: string | null;
  latency: Uint8Array | null;
  a: number;
  b: number;
  c: number;
}

/** Summaries of the given decision days from the comments; a day without decisions in force comes back empty. */
export async function computeDecisionDaySummaries(reader: SqlReader, days: string[], timeZone: string): Promise<Map<string, DecisionDaySummary>> {
  if (days.length === 0) return new Map();
  return summariesOf(days, await reader.$queryRaw<Row[]>`${aggregated(fromComments(days, timeZone))}`);
}

/**
 * The days held in insights_decided_comment (those on or after insights_decided_since), computed
 * from it; `since` says which of the given days these are, read in the same statement (the
 * rollup's prune moves it and deletes older rows in one transaction). Null when none is held.
 */
export async function computeRecentDecisionDays(reader: SqlReader, days: string[]): Promise<{ since: string | null; summaries: Map<string, DecisionDaySummary> }> {
  if (days.length === 0) return { since: null, summaries: new Map() };
  const rows = await reader.$queryRaw<Row[]>`
    ${aggregated(fromRecentDecisions(days))}
    UNION ALL
    SELECT 'since', to_char(s.day, 'YYYY-MM-DD'), NULL, NULL, 0, 0, 0 FROM insights_decided_since s WHERE s.id = 1`;
  const since = rows.find((row) => row.kind === "since")?.day ?? null;
  const held = since === null ? [] : days.filter((day) => day >= since);
  return { since, summaries: summariesOf(held, rows.filter((row) => row.kind !== "since")) };
}

/** The days' figures from insights_decided_comment, after `before` (a data-modifying WITH clause), in one statement: the fold's build (fold-live-days.ts). */
export async function recentDecisionDaysWith(reader: SqlReader, before: Prisma.Sql, days: string[]): Promise<Map<string, DecisionDaySummary>> {
  return summariesOf(days, await reader.$queryRaw<Row[]>`${aggregated(fromRecentDecisions(days), before)}`);
}

function summariesOf(days: string[], rows: Row[]): Map<string, DecisionDaySummary> {
  const summaries = new Map(days.map((day) => [day, emptyDecisionDaySummary(day)]));
  const of = (day: string) => summaries.get(day) ?? emptyDecisionDaySummary(day);
  for (const row of rows) {
    const summary = of(row.day);
    if (row.kind === "latency") summary.latency = decodeFloat8s(row.latency);
    else if (row.kind === "moderator") summary.moderators[row.key!] = [row.a, row.b, row.c];
    else if (row.key === "APPROVED") summary.approved = row.a + row.b;
    else summary.reasons[row.key!] = [row.a, row.b];
  }
  return summaries;
}

// Each source gives one row per decision in force: day (a date: sorting and grouping by its text
// cost a collation compare per row, half the statement's time at 10M), status, decidedById,
// seconds, and reason: the latest hide's (OTHER when it has none) for a hidden comment, null for an
// approved one, so that each (day, status, reason) group has one key.

/** The decided comments of the days, the latest hide's reason by a probe of decision per hidden one. */
function fromComments(days: string[], timeZone: string): Prisma.Sql {
  return Prisma.sql`
      SELECT ${zoneDaySql(`c."decidedAt"`, days, timeZone)} AS day, c.status, c."decidedById", ${SECONDS_TO_DECISION}::float8 AS seconds,
             CASE WHEN c.status = 'HIDDEN' THEN COALESCE(h.reason, 'OTHER') END AS reason
      FROM comment c
      ${latestHideReasonJoin("c")}
      WHERE c.status IN ('APPROVED', 'HIDDEN') AND ${inDaysOf(Prisma.raw(`c."decidedAt"`), days, timeZone)}`;
}

/** The same rows from insights_decided_comment, for the days it holds in full (on or after its since day; its days are the zone's, kept by the triggers). */
function fromRecentDecisions(days: string[]): Prisma.Sql {
  return Prisma.sql`
      SELECT x.day, x.status, x."decidedById", x.seconds,
             CASE WHEN x.status = 'HIDDEN' THEN COALESCE(x."hideReason", 'OTHER') END AS reason
      FROM insights_decided_comment x
      WHERE x.day = ANY(${days}::date[]) AND x.day >= (SELECT s.day FROM insights_decided_since s WHERE s.id = 1)`;
}

/** The rows aggregated three ways in one pass over them (they are fetched once, not by three queries). */
function aggregated(decided: Prisma.Sql, before: Prisma.Sql = Prisma.empty): Prisma.Sql {
  return Prisma.sql`
    WITH ${before} decided AS MATERIALIZED (${decided})
    -- People's seconds from import to decision, ascending, as big-endian float8s.
    SELECT 'latency' AS kind, to_char(day, 'YYYY-MM-DD') AS day, NULL AS key, string_agg(float8send(seconds), ''::bytea ORDER BY seconds) AS latency, 0 AS a, 0 AS b, 0 AS c
    FROM decided WHERE "decidedById" IS NOT NULL
    GROUP BY decided.day
    UNION ALL
    SELECT 'reason', to_char(day, 'YYYY-MM-DD'), CASE WHEN status = 'APPROVED' THEN 'APPROVED' ELSE reason::text END, NULL,
           count(*) FILTER (WHERE "decidedById" IS NOT NULL)::int, count(*) FILTER (WHERE "decidedById" IS NULL)::int, 0
    FROM decided
    GROUP BY decided.day, status, reason
    UNION ALL
    SELECT 'moderator', to_char(day, 'YYYY-MM-DD'), "decidedById", NULL, count(*)::int,
           count(*) FILTER (WHERE status = 'APPROVED')::int, count(*) FILTER (WHERE status = 'HIDDEN')::int
    FROM decided WHERE "decidedById" IS NOT NULL
    GROUP BY decided.day, "decidedById"`;
}
