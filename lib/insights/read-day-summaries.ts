import "server-only";
import { db } from "@/lib/db/client";
import { computeDaySummaries } from "./compute-day-summaries";
import { utcDay, type DateRange } from "./date-range";
import type { DaySummary } from "./day-summary";

/**
 * The range's days: stored summaries for the clean past days, computed live for today and for
 * the days changed since their refresh (insights_dirty_day). Stored and dirty days are read in one
 * statement, so one snapshot: every day with comments is in exactly one of the two (the refresh
 * swaps a day from dirty to stored in one transaction). Days in neither have no comments.
 */
export async function readDaySummaries(range: DateRange, now: Date = new Date()): Promise<DaySummary[]> {
  const today = utcDay(now);
  const rows = await db.$queryRaw<{ day: string; summary: DaySummary | null }[]>`
    SELECT to_char(s.day, 'YYYY-MM-DD') AS day, s.summary
    FROM insights_day s
    WHERE s.day BETWEEN ${range.from}::date AND ${range.to}::date AND s.day <> ${today}::date
      AND NOT EXISTS (SELECT 1 FROM insights_dirty_day x WHERE x.day = s.day)
    UNION ALL
    SELECT to_char(x.day, 'YYYY-MM-DD'), NULL
    FROM insights_dirty_day x
    WHERE x.day BETWEEN ${range.from}::date AND ${range.to}::date AND x.day <> ${today}::date`;
  const stored = rows.flatMap((row) => (row.summary ? [row.summary] : []));
  const live = rows.filter((row) => !row.summary).map((row) => row.day);
  if (range.from <= today && today <= range.to) live.push(today);
  const computed = await computeDaySummaries(db, live);
  return [...stored, ...computed.values()];
}
