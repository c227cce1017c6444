import type { DaySummary } from "./day-summary";
import { unpackArticleCounts } from "./packed-article-counts";

// The articles block from posted days' per-article counts (insights_day.articles: articleId,
// comments, flagged, hidden, packed as packed-article-counts.ts says). A range's figures are the sums over
// its days; "articles with comments" is the number of distinct ids. Typed arrays and one pass: a
// 30-day range of a large site holds hundreds of thousands of (day, article) entries.

export interface ArticleCounts {
  articleId: number;
  comments: number;
  flagged: number;
  hidden: number;
}

/** hidden DESC, comments DESC, articleId: getArticleInsights' ORDER BY. */
function ranksBefore(a: ArticleCounts, b: ArticleCounts): boolean {
  return a.hidden !== b.hidden ? a.hidden > b.hidden : a.comments !== b.comments ? a.comments > b.comments : a.articleId < b.articleId;
}

/** The number of articles with comments in the days, and the first `limit` in the page's order. */
export function topArticlesOfDays(days: readonly Pick<DaySummary, "articles">[], limit: number): { articles: number; top: ArticleCounts[] } {
  const quads = days.map(({ articles: bytes }) => unpackArticleCounts(bytes));
  let entries = 0;
  let maxId = 0;
  let minId = 0;
  for (const values of quads) {
    for (let at = 0; at < values.length; at += 4) {
      maxId = Math.max(maxId, values[at]!);
      minId = Math.min(minId, values[at]!);
    }
    entries += values.length / 4;
  }
  // Article ids are a sequence: summed in arrays indexed by id, no Map entry per article (at 10M
  // comments a 30-day range holds about 600,000 (day, article) entries over 250,000 articles).
  // Sparse or negative ids (an id far past the entries) fall back to a Map.
  const sums = minId >= 0 && maxId <= 4 * entries + 1024 ? new DenseSums(maxId) : new SparseSums();
  for (const values of quads) {
    for (let at = 0; at < values.length; at += 4) sums.add(values[at]!, values[at + 1]!, values[at + 2]!, values[at + 3]!);
  }
  const top: ArticleCounts[] = [];
  let articles = 0;
  sums.forEach((articleId, comments, flagged, hidden) => {
    articles += 1;
    const candidate = { articleId, comments, flagged, hidden };
    if (top.length === limit && (limit === 0 || !ranksBefore(candidate, top[limit - 1]!))) return;
    let at = top.length;
    while (at > 0 && ranksBefore(candidate, top[at - 1]!)) at -= 1;
    top.splice(at, 0, candidate);
    if (top.length > limit) top.pop();
  });
  return { articles, top };
}

type EachSum = (articleId: number, comments: number, flagged: number, hidden: number) => void;

class DenseSums {
  private readonly seen: Uint8Array;
  private readonly counts: Float64Array;
  constructor(maxId: number) {
    this.seen = new Uint8Array(maxId + 1);
    this.counts = new Float64Array(3 * (maxId + 1));
  }
  add(articleId: number, comments: number, flagged: number, hidden: number): void {
    const at = 3 * articleId;
    this.seen[articleId] = 1;
    this.counts[at] = this.counts[at]! + comments;
    this.counts[at + 1] = this.counts[at + 1]! + flagged;
    this.counts[at + 2] = this.counts[at + 2]! + hidden;
  }
  forEach(each: EachSum): void {
    for (let id = 0; id < this.seen.length; id++) if (this.seen[id]) each(id, this.counts[3 * id]!, this.counts[3 * id + 1]!, this.counts[3 * id + 2]!);
  }
}

class SparseSums {
  private readonly sums = new Map<number, [number, number, number]>();
  add(articleId: number, comments: number, flagged: number, hidden: number): void {
    const sum = this.sums.get(articleId);
    if (sum) {
      sum[0] += comments;
      sum[1] += flagged;
      sum[2] += hidden;
    } else {
      this.sums.set(articleId, [comments, flagged, hidden]);
    }
  }
  forEach(each: EachSum): void {
    for (const [articleId, [comments, flagged, hidden]] of this.sums) each(articleId, comments, flagged, hidden);
  }
}
