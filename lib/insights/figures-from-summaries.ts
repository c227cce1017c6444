import type { DateRange } from "./date-range";
import { bucketOf, bucketsOf, mergeDaySummaries, type DaySummary } from "./day-summary";
import type { CategoryFlags } from "./flag-insights";
import type { QueuePoint } from "./queue-over-time";

// The page's figures from day summaries, each equal to what the direct query over the same
// comments gives (lib/insights/*.ts; insights-rollup.db.test.ts holds them side by side),
// including the orders of their ORDER BYs.

function byBucket(range: DateRange, days: readonly DaySummary[]): Map<string, DaySummary[]> {
  const groups = new Map<string, DaySummary[]>(bucketsOf(range.from, range.to, range.bucket).map((bucket) => [bucket, []]));
  for (const day of days) groups.get(bucketOf(day.day, range.bucket))?.push(day);
  return groups;
}

export function queueFromSummaries(range: DateRange, days: readonly DaySummary[]): QueuePoint[] {
  return [...byBucket(range, days)].map(([day, members]) => {
    const [posted, pending, flagged, approved, hidden] = mergeDaySummaries(day, members).queue;
    return { day, posted, pending, flagged, approved, hidden };
  });
}

export function categoriesFromSummaries(days: readonly DaySummary[]): CategoryFlags[] {
  return Object.entries(mergeDaySummaries("", days).categories)
    .map(([category, [flags, comments]]) => ({ category: category as CategoryFlags["category"], flags, comments }))
    .sort((a, b) => b.flags - a.flags || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0));
}
