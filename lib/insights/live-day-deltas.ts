import type { ArticleCounts } from "./article-figures";
import type { ModeratorCounts, QueueCounts, ReasonCounts } from "./day-summary";
import type { DecisionDaySummary } from "./decision-day-summary";
import { packArticleCounts, unpackArticleCounts } from "./packed-article-counts";

// A live day is its folded row plus the deltas appended since (migration insights_live_days_folded):
// posted days insights_live_day + insights_live_article_delta, decision days
// insights_live_decision_day + insights_live_decision_delta. Applied here, by the page's read and
// by the rollup job's fold alike.

export interface LivePostedDay {
  queue: QueueCounts;
  /** Per article, packed as insights_day.articles (packed-article-counts.ts). */
  articles: Uint8Array;
}

/** One (day, article)'s change: [articleId, posted, pending, flagged, approved, hidden]. */
export type ArticleDelta = [number, number, number, number, number, number];

/**
 * A folded day with deltas applied: the queue counts summed, the per-article counts merged by
 * articleId (an article whose comments fall to 0 has no entry, as in the day's query). Pure.
 */
export function applyArticleDeltas(day: LivePostedDay, deltas: readonly ArticleDelta[]): LivePostedDay {
  if (deltas.length === 0) return day;
  const queue = [...day.queue] as QueueCounts;
  const byArticle = new Map<number, [number, number, number]>();
  for (const [articleId, posted, pending, flagged, approved, hidden] of deltas) {
    queue[0] += posted;
    queue[1] += pending;
    queue[2] += flagged;
    queue[3] += approved;
    queue[4] += hidden;
    const sum = byArticle.get(articleId) ?? [0, 0, 0];
    sum[0] += posted;
    sum[1] += flagged;
    sum[2] += hidden;
    byArticle.set(articleId, sum);
  }
  const changed = [...byArticle.keys()].sort((a, b) => a - b);
  const base = unpackArticleCounts(day.articles);
  const merged: ArticleCounts[] = [];
  const keep = (articleId: number, comments: number, flagged: number, hidden: number) => {
    if (comments < 0 || flagged < 0 || hidden < 0 || flagged > comments || hidden > comments) {
      throw new Error(`Insights' live day counts went wrong for article ${articleId}: ${comments} comments, ${flagged} flagged, ${hidden} hidden`);
    }
    if (comments > 0) merged.push({ articleId, comments, flagged, hidden });
  };
  let next = 0;
  for (let at = 0; at < base.length; at += 4) {
    const articleId = base[at]!;
    while (next < changed.length && changed[next]! < articleId) {
      const [comments, flagged, hidden] = byArticle.get(changed[next]!)!;
      keep(changed[next]!, comments, flagged, hidden);
      next += 1;
    }
    const change = changed[next] === articleId ? byArticle.get(articleId)! : [0, 0, 0];
    if (changed[next] === articleId) next += 1;
    keep(articleId, base[at + 1]! + change[0]!, base[at + 2]! + change[1]!, base[at + 3]! + change[2]!);
  }
  for (; next < changed.length; next++) {
    const [comments, flagged, hidden] = byArticle.get(changed[next]!)!;
    keep(changed[next]!, comments, flagged, hidden);
  }
  return { queue, articles: packArticleCounts(merged) };
}

/** One change of a held decision, as insights_live_decision_delta holds it, summed by key. */
export interface DecisionDelta {
  status: "APPROVED" | "HIDDEN";
  decidedById: string | null;
  seconds: number;
  /** The figures' reason of a hidden comment; null for an approved one. */
  reason: string | null;
  /** How many such decisions came (+) or went (-). */
  count: number;
}

/**
 * A folded decision day with deltas applied: approvals, reasons and moderators summed (groups that
 * fall to zero have no entry, as in the day's query), people's seconds added to and removed from the
 * sorted values. Pure; throws when a delta removes what the day does not hold.
 */
export function applyDecisionDeltas(day: DecisionDaySummary, deltas: readonly DecisionDelta[]): DecisionDaySummary {
  if (deltas.length === 0) return day;
  const summary: DecisionDaySummary = {
    day: day.day,
    approved: day.approved,
    reasons: Object.fromEntries(Object.entries(day.reasons).map(([key, counts]) => [key, [...counts] as ReasonCounts])),
    moderators: Object.fromEntries(Object.entries(day.moderators).map(([key, counts]) => [key, [...counts] as ModeratorCounts])),
    latency: day.latency,
  };
  const added: number[] = [];
  const removed = new Map<number, number>();
  for (const delta of deltas) {
    const byPerson = delta.decidedById !== null;
    if (delta.status === "APPROVED") summary.approved += delta.count;
    else {
      const counts = (summary.reasons[delta.reason ?? "OTHER"] ??= [0, 0]);
      counts[byPerson ? 0 : 1] += delta.count;
    }
    if (!byPerson) continue;
    const counts = (summary.moderators[delta.decidedById!] ??= [0, 0, 0]);
    counts[0] += delta.count;
    counts[delta.status === "APPROVED" ? 1 : 2] += delta.count;
    if (delta.count > 0) for (let i = 0; i < delta.count; i++) added.push(delta.seconds);
    else removed.set(delta.seconds, (removed.get(delta.seconds) ?? 0) - delta.count);
  }
  const negative = (counts: number[]) => counts.some((value) => value < 0);
  if (summary.approved < 0 || Object.values(summary.reasons).some(negative) || Object.values(summary.moderators).some(negative)) {
    throw new Error(`Insights' live decision day ${day.day} went below zero: a change was applied twice`);
  }
  for (const [key, counts] of Object.entries(summary.reasons)) if (counts.every((value) => value === 0)) delete summary.reasons[key];
  for (const [key, counts] of Object.entries(summary.moderators)) if (counts.every((value) => value === 0)) delete summary.moderators[key];
  // A decision added and taken out again since the fold (its key changed twice) never reaches the day.
  const kept = added.filter((value) => {
    const toRemove = removed.get(value) ?? 0;
    if (toRemove > 0) removed.set(value, toRemove - 1);
    return toRemove === 0;
  });
  summary.latency = mergeSorted(day.latency, kept.sort((a, b) => a - b), removed, day.day);
  return summary;
}

/** The sorted values with `added` (sorted) merged in and `removed` (value → how many) taken out. */
function mergeSorted(values: Float64Array, added: number[], removed: Map<number, number>, day: string): Float64Array {
  const result = new Float64Array(values.length + added.length);
  let length = 0;
  let next = 0;
  for (const value of values) {
    while (next < added.length && added[next]! < value) result[length++] = added[next++]!;
    const toRemove = removed.get(value) ?? 0;
    if (toRemove > 0) {
      removed.set(value, toRemove - 1);
      continue;
    }
    result[length++] = value;
  }
  while (next < added.length) result[length++] = added[next++]!;
  if ([...removed.values()].some((left) => left > 0)) throw new Error(`Insights' live decision day ${day}: a removed decision was not held`);
  return result.slice(0, length);
}

/**
 * `apply`'s result, or null when the deltas do not fit the folded day (a write that bypassed the
 * triggers: a restore with triggers off, a session in replica mode). Readers then compute the day
 * from its comments and the fold drops its row to build it again: slower, never wrong figures or an
 * error page.
 */
export function appliedOrNull<T>(day: string, apply: () => T): T | null {
  try {
    return apply();
  } catch (error) {
    console.error(`insights: live day ${day} computed from its comments instead: ${(error as Error).message}`);
    return null;
  }
}
