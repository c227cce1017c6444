import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DateRange } from "./date-range";
import { bucketSql, HUMAN_DECIDED, localTime, postedIn, SECONDS_TO_DECISION } from "./range-sql";
import { INSIGHTS_TRANSACTION } from "./transaction-options";

export interface LatencyFigures {
  decided: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface LatencyPoint extends LatencyFigures {
  day: string;
}

export interface DecisionLatency {
  overall: LatencyFigures;
  byDay: LatencyPoint[];
}

interface Row extends LatencyFigures {
  day: string | null;
}

/**
 * Time from import (comment.createdAt) to the decision in force, for comments people decided:
 * auto-hides take no time and would flatter the figure. One scan: GROUPING SETS gives the
 * per-bucket rows and the overall row (day NULL) together.
 */
export function getDecisionLatency(range: DateRange): Promise<DecisionLatency> {
  return latencyByBucket(range, localTime(`c."postedAt"`, range.timeZone), Prisma.sql`${postedIn(range)} AND ${HUMAN_DECIDED}`);
}

/**
 * Median and p90 of import-to-decision seconds per bucket of `dayColumn` (a wall-clock time in the range's zone) and overall, for the
 * comments `where` selects (by posting day above; by decision day in decisions-made-in-range.ts).
 */
export async function latencyByBucket(range: DateRange, dayColumn: Prisma.Sql, where: Prisma.Sql): Promise<DecisionLatency> {
  // Both percentiles from one sort (the array form); the sort fits in memory with a larger work_mem.
  // An insights page over a large range may take longer than Prisma's 5 s default: slow, never an error.
  const rows = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET LOCAL work_mem = '32MB'`;
      return tx.$queryRaw<Row[]>`
        SELECT day, decided, p[1] AS "medianSeconds", p[2] AS "p90Seconds" FROM (
          SELECT to_char(date_trunc(${bucketSql(range)}, ${dayColumn}), 'YYYY-MM-DD') AS day,
                 count(*)::int AS decided,
                 percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${SECONDS_TO_DECISION})::float8[] AS p
          FROM comment c
          WHERE ${where}
          GROUP BY GROUPING SETS ((date_trunc(${bucketSql(range)}, ${dayColumn})), ())
        ) grouped
        ORDER BY day NULLS FIRST`;
    },
    INSIGHTS_TRANSACTION,
  );
  const overall = rows.find((row) => row.day === null);
  return {
    overall: overall ? { decided: overall.decided, medianSeconds: overall.medianSeconds, p90Seconds: overall.p90Seconds } : { decided: 0, medianSeconds: null, p90Seconds: null },
    byDay: rows.filter((row): row is LatencyPoint => row.day !== null),
  };
}
