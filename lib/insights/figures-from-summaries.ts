import type { DateRange } from "./date-range";
import type { DecisionLatency, LatencyPoint } from "./decision-latency";
import type { DecisionReason, DecisionsByReason } from "./decisions-by-reason";
import { bucketOf, bucketsOf, mergeDaySummaries, percentileCont, type DaySummary } from "./day-summary";
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

const sortNumbers = (values: number[]) => Float64Array.from(values).sort();

export function latencyFromSummaries(range: DateRange, days: readonly DaySummary[]): DecisionLatency {
  const byDay: LatencyPoint[] = [];
  for (const [day, members] of byBucket(range, days)) {
    const values = members.flatMap((member) => member.latency);
    if (values.length === 0) continue;
    const sorted = [...sortNumbers(values)];
    byDay.push({ day, decided: values.length, medianSeconds: percentileCont(sorted, 0.5), p90Seconds: percentileCont(sorted, 0.9) });
  }
  const all = [...sortNumbers(days.flatMap((day) => day.latency))];
  return { overall: { decided: all.length, medianSeconds: percentileCont(all, 0.5), p90Seconds: percentileCont(all, 0.9) }, byDay };
}

export function reasonsFromSummaries(days: readonly DaySummary[]): DecisionsByReason {
  const merged = mergeDaySummaries("", days);
  const hidden = Object.entries(merged.reasons)
    .map(([reason, [byModerators, byRules]]) => ({ reason: reason as DecisionReason, byModerators, byRules }))
    .sort((a, b) => b.byModerators - a.byModerators || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
  return { hidden, approved: merged.queue[3] };
}

export function categoriesFromSummaries(days: readonly DaySummary[]): CategoryFlags[] {
  return Object.entries(mergeDaySummaries("", days).categories)
    .map(([category, [flags, comments]]) => ({ category: category as CategoryFlags["category"], flags, comments }))
    .sort((a, b) => b.flags - a.flags || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0));
}
