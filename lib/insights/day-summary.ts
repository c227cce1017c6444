import { addDays, type Bucket } from "./date-range";

// One posted day's insights, summable: every posting-day figure of the page is a sum over days (a
// comment belongs to exactly one posted day, so even "distinct comments" add up). Stored as
// insights_day.summary (JSON) and insights_day.articles (the per-article counts, packed). The
// decision figures go by decision day: decision-day-summary.ts.

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
  rules: Record<string, RuleCounts>;
  categories: Record<string, CategoryCounts>;
  /** Per article (articleId, comments, flagged, hidden), packed: packed-article-counts.ts. Not in the JSON. */
  articles: Uint8Array;
}

export function emptyDaySummary(day: string): DaySummary {
  return { day, queue: [0, 0, 0, 0, 0], rules: {}, categories: {}, articles: new Uint8Array(0) };
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

export function addInto<T extends number[]>(target: Record<string, T>, source: Record<string, T>): void {
  for (const [key, counts] of Object.entries(source)) {
    const sum = target[key];
    if (!sum) target[key] = [...counts] as T;
    else counts.forEach((value, index) => (sum[index] = sum[index]! + value));
  }
}

/** The sum of days' counts into one summary (labelled `day`); the articles are summed apart (article-figures.ts). */
export function mergeDaySummaries(day: string, summaries: readonly DaySummary[]): DaySummary {
  const merged = emptyDaySummary(day);
  for (const summary of summaries) {
    summary.queue.forEach((value, index) => (merged.queue[index] = merged.queue[index]! + value));
    addInto(merged.rules, summary.rules);
    addInto(merged.categories, summary.categories);
  }
  return merged;
}
