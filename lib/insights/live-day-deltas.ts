import type { ArticleCounts } from "./article-figures";
import type { QueueCounts } from "./day-summary";
import { packArticleCounts, unpackArticleCounts } from "./packed-article-counts";

// A live posted day is its folded row (insights_live_day) plus the deltas appended since
// (insights_live_article_delta, migration insights_live_articles): applied here, by the page's read
// and by the rollup job's fold alike.

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
