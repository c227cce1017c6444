import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { inDaysOf, type SqlReader } from "./compute-day-summaries";
import { emptyDecisionDaySummary, type DecisionDaySummary } from "./decision-day-summary";
import { latestHideReasonJoin, SECONDS_TO_DECISION } from "./range-sql";
import { decodeFloat8s } from "./sorted-values";

// decisions-made-in-range.ts's figures (same predicates: decisions in force, people's apart from
// the rules', the latest hide's reason), grouped by decision day. One range scan of
// comment(status, decidedAt, id) over the given days; its heap rows (createdAt, decidedById are not
// in the index) are fetched once and aggregated three ways, not fetched by three queries.

interface Row {
  kind: "latency" | "reason" | "moderator";
  day: string;
  key: string | null;
  latency: Uint8Array | null;
  a: number;
  b: number;
  c: number;
}

/** Summaries of the given decision days; a day without decisions in force comes back empty. */
export async function computeDecisionDaySummaries(reader: SqlReader, days: string[]): Promise<Map<string, DecisionDaySummary>> {
  const summaries = new Map(days.map((day) => [day, emptyDecisionDaySummary(day)]));
  if (days.length === 0) return summaries;
  const of = (day: string) => summaries.get(day) ?? emptyDecisionDaySummary(day);
  for (const row of await decisionDayQuery(reader, days)) {
    const summary = of(row.day);
    if (row.kind === "latency") summary.latency = decodeFloat8s(row.latency);
    else if (row.kind === "moderator") summary.moderators[row.key!] = [row.a, row.b, row.c];
    else if (row.key === "APPROVED") summary.approved = row.a + row.b;
    else summary.reasons[row.key!] = [row.a, row.b];
  }
  return summaries;
}

function decisionDayQuery(reader: SqlReader, days: string[]) {
  return reader.$queryRaw<Row[]>`
    WITH decided AS MATERIALIZED (
      SELECT to_char(c."decidedAt"::date, 'YYYY-MM-DD') AS day, c.id, c.status, c."decidedById",
             ${SECONDS_TO_DECISION}::float8 AS seconds
      FROM comment c
      WHERE c.status IN ('APPROVED', 'HIDDEN') AND ${inDaysOf(Prisma.raw(`c."decidedAt"`), days)}
    )
    -- People's seconds from import to decision, ascending, as big-endian float8s.
    SELECT 'latency' AS kind, day, NULL AS key, string_agg(float8send(seconds), ''::bytea ORDER BY seconds) AS latency, 0 AS a, 0 AS b, 0 AS c
    FROM decided WHERE "decidedById" IS NOT NULL
    GROUP BY day
    UNION ALL
    SELECT 'reason', d.day, CASE WHEN d.status = 'APPROVED' THEN 'APPROVED' ELSE COALESCE(h.reason::text, 'OTHER') END, NULL,
           count(*) FILTER (WHERE d."decidedById" IS NOT NULL)::int, count(*) FILTER (WHERE d."decidedById" IS NULL)::int, 0
    FROM decided d
    ${latestHideReasonJoin("d")}
    GROUP BY 2, 3
    UNION ALL
    SELECT 'moderator', day, "decidedById", NULL, count(*)::int,
           count(*) FILTER (WHERE status = 'APPROVED')::int, count(*) FILTER (WHERE status = 'HIDDEN')::int
    FROM decided WHERE "decidedById" IS NOT NULL
    GROUP BY day, "decidedById"`;
}
