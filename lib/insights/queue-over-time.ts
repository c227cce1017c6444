import "server-only";
import { db } from "@/lib/db/client";
import type { DateRange } from "./date-range";
import { bucketSql, localTime, postedIn, STATUS_COUNTS } from "./range-sql";

export interface QueuePoint {
  /** First day of the bucket, YYYY-MM-DD. */
  day: string;
  posted: number;
  pending: number;
  /** A rule matched (priority above what reports added, or held), whatever happened next. */
  flagged: number;
  approved: number;
  hidden: number;
}

/**
 * Comments posted per day (or week, days in the range's zone) by where they stand now. Every bucket of the range is
 * present, empty ones as zeros, so the chart's time axis is true. "Flagged" reads the comment's
 * priority (0 exactly when no rule matched) instead of joining flags.
 */
export async function getQueueOverTime(range: DateRange): Promise<QueuePoint[]> {
  const bucket = bucketSql(range);
  return db.$queryRaw<QueuePoint[]>`
    WITH buckets AS (
      SELECT generate_series(date_trunc(${bucket}, ${range.from}::timestamp), ${range.to}::timestamp, ('1 ' || ${bucket})::interval) AS bucket
    ), counts AS (
      SELECT date_trunc(${bucket}, ${localTime(`c."postedAt"`, range.timeZone)}) AS bucket,
             count(*)::int AS posted,
             ${STATUS_COUNTS}
      FROM comment c
      WHERE ${postedIn(range)}
      GROUP BY 1
    )
    SELECT to_char(b.bucket, 'YYYY-MM-DD') AS day,
           COALESCE(k.posted, 0) AS posted, COALESCE(k.pending, 0) AS pending, COALESCE(k.flagged, 0) AS flagged,
           COALESCE(k.approved, 0) AS approved, COALESCE(k.hidden, 0) AS hidden
    FROM buckets b LEFT JOIN counts k ON k.bucket = b.bucket
    ORDER BY b.bucket`;
}
