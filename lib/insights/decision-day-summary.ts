import type { DateRange } from "./date-range";
import type { DecisionLatency, LatencyPoint } from "./decision-latency";
import type { DecisionReason, DecisionsByReason } from "./decisions-by-reason";
import { addInto, bucketOf, bucketsOf, type ModeratorCounts, type ReasonCounts } from "./day-summary";
import { percentileOfSorted } from "./sorted-values";

// One decision day's insights: the decisions in force made that day (comment "decidedAt" while
// APPROVED or HIDDEN), the figures decisions-made-in-range.ts computes from the comments, summable
// over days. Stored as insights_decision_day (summary JSON + latency bytes).

export interface DecisionDaySummary {
  /** YYYY-MM-DD (UTC decision day). */
  day: string;
  /** Approvals in force made that day (people's and rules'). */
  approved: number;
  /** Hides in force by the latest hide's reason. */
  reasons: Record<string, ReasonCounts>;
  moderators: Record<string, ModeratorCounts>;
  /** People's import-to-decision seconds, ascending. Not in the JSON: insights_decision_day.latency. */
  latency: Float64Array;
}

export function emptyDecisionDaySummary(day: string): DecisionDaySummary {
  return { day, approved: 0, reasons: {}, moderators: {}, latency: new Float64Array(0) };
}

function latencyOf(arrays: Float64Array[]) {
  const decided = arrays.reduce((sum, values) => sum + values.length, 0);
  return { decided, medianSeconds: percentileOfSorted(arrays, 0.5), p90Seconds: percentileOfSorted(arrays, 0.9) };
}

/** Median and p90 per bucket and overall, exact: percentiles of the union of the days' sorted seconds. */
export function latencyFromDecisionDays(range: DateRange, days: readonly DecisionDaySummary[]): DecisionLatency {
  const buckets = new Map<string, Float64Array[]>(bucketsOf(range.from, range.to, range.bucket).map((bucket) => [bucket, []]));
  for (const day of days) if (day.latency.length > 0) buckets.get(bucketOf(day.day, range.bucket))?.push(day.latency);
  const byDay: LatencyPoint[] = [];
  for (const [day, arrays] of buckets) if (arrays.length > 0) byDay.push({ day, ...latencyOf(arrays) });
  return { overall: latencyOf(days.map((day) => day.latency)), byDay };
}

/** Hides by reason (most by moderators first, then by name, as the direct query orders) and approvals. */
export function reasonsFromDecisionDays(days: readonly DecisionDaySummary[]): DecisionsByReason {
  const reasons: Record<string, ReasonCounts> = {};
  for (const day of days) addInto(reasons, day.reasons);
  const hidden = Object.entries(reasons)
    .map(([reason, [byModerators, byRules]]) => ({ reason: reason as DecisionReason, byModerators, byRules }))
    .sort((a, b) => b.byModerators - a.byModerators || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
  return { hidden, approved: days.reduce((sum, day) => sum + day.approved, 0) };
}

export function moderatorCountsFromDecisionDays(days: readonly DecisionDaySummary[]): Record<string, ModeratorCounts> {
  const moderators: Record<string, ModeratorCounts> = {};
  for (const day of days) addInto(moderators, day.moderators);
  return moderators;
}
