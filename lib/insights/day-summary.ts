import { addDays, type Bucket } from "./date-range";

// One posted day's insights, summable: every figure of the page is a sum over days (a comment
// belongs to exactly one posted day, so even "distinct comments" add up), except the latency
// percentiles, for which the day keeps its raw seconds: percentiles of the merged values are
// exact, where percentiles of percentiles would not be. Stored as insights_day.summary (JSON).

/** [posted, pending, flagged, approved, hidden] */
export type QueueCounts = [number, number, number, number, number];
/** [decided, approved, hidden] */
export type ModeratorCounts = [number, number, number];
/** [byModerators, byRules] */
export type ReasonCounts = [number, number];
/** [fired, hidden, approved, autoHidden, pending] */
export type RuleCounts = [number, number, number, number, number];
/** [flags, comments] */
export type CategoryCounts = [number, number];

export interface DaySummary {
  /** YYYY-MM-DD (UTC posted day). */
  day: string;
  queue: QueueCounts;
  /** Seconds from import to a person's decision in force, one per decided comment, any order. */
  latency: number[];
  moderators: Record<string, ModeratorCounts>;
  /** Hidden comments by the latest hide's reason. */
  reasons: Record<string, ReasonCounts>;
  rules: Record<string, RuleCounts>;
  categories: Record<string, CategoryCounts>;
}

export function emptyDaySummary(day: string): DaySummary {
  return { day, queue: [0, 0, 0, 0, 0], latency: [], moderators: {}, reasons: {}, rules: {}, categories: {} };
}

/** The first day of the day's bucket: the day itself, or the Monday of its week (date_trunc('week')). */
export function bucketOf(day: string, bucket: Bucket): string {
  if (bucket === "day") return day;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** Every bucket start of [from, to], as date_trunc + generate_series would give them. */
export function bucketsOf(from: string, to: string, bucket: Bucket): string[] {
  const buckets: string[] = [];
  const step = bucket === "week" ? 7 : 1;
  for (let day = bucketOf(from, bucket); day <= to; day = addDays(day, step)) buckets.push(day);
  return buckets;
}

/** percentile_cont over sorted values: linear interpolation between the two nearest ranks. */
export function percentileCont(sorted: readonly number[], fraction: number): number | null {
  if (sorted.length === 0) return null;
  const position = fraction * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower]!;
  const high = sorted[upper]!;
  return lower === upper ? low : low + (high - low) * (position - lower);
}

function addInto<T extends number[]>(target: Record<string, T>, source: Record<string, T>): void {
  for (const [key, counts] of Object.entries(source)) {
    const sum = target[key];
    if (!sum) target[key] = [...counts] as T;
    else counts.forEach((value, index) => (sum[index] = sum[index]! + value));
  }
}

/** The sum of days into one summary (labelled `day`); latency values concatenated, unsorted. */
export function mergeDaySummaries(day: string, summaries: readonly DaySummary[]): DaySummary {
  const merged = emptyDaySummary(day);
  for (const summary of summaries) {
    summary.queue.forEach((value, index) => (merged.queue[index] = merged.queue[index]! + value));
    for (const value of summary.latency) merged.latency.push(value);
    addInto(merged.moderators, summary.moderators);
    addInto(merged.reasons, summary.reasons);
    addInto(merged.rules, summary.rules);
    addInto(merged.categories, summary.categories);
  }
  return merged;
}
