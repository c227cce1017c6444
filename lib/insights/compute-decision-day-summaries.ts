import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { inDaysOf, type SqlReader } from "./compute-day-summaries";
import { emptyDecisionDaySummary, type DecisionDaySummary } from "./decision-day-summary";
import { SECONDS_TO_DECISION } from "./range-sql";
import { decodeFloat8s } from "./sorted-values";

// decisions-made-in-range.ts's figures (same predicates: decisions in force, people's apart from
// the rules', the latest hide's reason), grouped by decision day. Each query is a range scan of
// comment(status, decidedAt, id) over the given days only.

const DAY_OF = Prisma.raw(`c."decidedAt"::date`);

function decidedInDays(days: string[]): Prisma.Sql {
  return Prisma.sql`c.status IN ('APPROVED', 'HIDDEN') AND ${inDaysOf(Prisma.raw(`c."decidedAt"`), days)}`;
}

interface KeyedRow { day: string; key: string; a: number; b: number; c: number }

/** Summaries of the given decision days; a day without decisions in force comes back empty. */
export async function computeDecisionDaySummaries(reader: SqlReader, days: string[], options: { sequential?: boolean } = {}): Promise<Map<string, DecisionDaySummary>> {
  const summaries = new Map(days.map((day) => [day, emptyDecisionDaySummary(day)]));
  if (days.length === 0) return summaries;
  const of = (day: string) => summaries.get(day) ?? emptyDecisionDaySummary(day);
  const queries = [
    () => latencyQuery(reader, days).then((rows) => {
      for (const row of rows) of(row.day).latency = decodeFloat8s(row.latency);
    }),
    () => reasonQuery(reader, days).then((rows) => {
      for (const row of rows) {
        if (row.key === "APPROVED") of(row.day).approved = row.a + row.b;
        else of(row.day).reasons[row.key] = [row.a, row.b];
      }
    }),
    () => moderatorQuery(reader, days).then((rows) => {
      for (const row of rows) of(row.day).moderators[row.key] = [row.a, row.b, row.c];
    }),
  ];
  if (options.sequential) for (const query of queries) await query();
  else await Promise.all(queries.map((query) => query()));
  return summaries;
}

/** People's seconds from import to decision, ascending, as big-endian float8s. */
function latencyQuery(reader: SqlReader, days: string[]) {
  return reader.$queryRaw<{ day: string; latency: Uint8Array }[]>`
    SELECT to_char(${DAY_OF}, 'YYYY-MM-DD') AS day,
           string_agg(float8send(${SECONDS_TO_DECISION}::float8), ''::bytea ORDER BY ${SECONDS_TO_DECISION}::float8) AS latency
    FROM comment c
    WHERE ${decidedInDays(days)} AND c."decidedById" IS NOT NULL
    GROUP BY 1`;
}

function reasonQuery(reader: SqlReader, days: string[]) {
  return reader.$queryRaw<KeyedRow[]>`
    SELECT to_char(${DAY_OF}, 'YYYY-MM-DD') AS day,
           CASE WHEN c.status = 'APPROVED' THEN 'APPROVED' ELSE COALESCE(h.reason::text, 'OTHER') END AS key,
           count(*) FILTER (WHERE c."decidedById" IS NOT NULL)::int AS a, count(*) FILTER (WHERE c."decidedById" IS NULL)::int AS b, 0 AS c
    FROM comment c
    LEFT JOIN LATERAL (
      SELECT d.reason FROM decision d
      WHERE c.status = 'HIDDEN' AND d."commentId" = c.id AND d."toStatus" = 'HIDDEN'
      ORDER BY d."createdAt" DESC LIMIT 1
    ) h ON TRUE
    WHERE ${decidedInDays(days)}
    GROUP BY 1, 2`;
}

function moderatorQuery(reader: SqlReader, days: string[]) {
  return reader.$queryRaw<KeyedRow[]>`
    SELECT to_char(${DAY_OF}, 'YYYY-MM-DD') AS day, c."decidedById" AS key, count(*)::int AS a,
           count(*) FILTER (WHERE c.status = 'APPROVED')::int AS b, count(*) FILTER (WHERE c.status = 'HIDDEN')::int AS c
    FROM comment c
    WHERE ${decidedInDays(days)} AND c."decidedById" IS NOT NULL
    GROUP BY 1, c."decidedById"`;
}
