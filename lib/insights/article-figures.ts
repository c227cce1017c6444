import type { DaySummary } from "./day-summary";

// The articles block from posted days' per-article counts (insights_day.articles: articleId,
// comments, flagged, hidden as big-endian int4s, by articleId). A range's figures are the sums over
// its days; "articles with comments" is the number of distinct ids. Typed arrays and one pass: a
// 30-day range of a large site holds hundreds of thousands of (day, article) entries.

export interface ArticleCounts {
  articleId: number;
  comments: number;
  flagged: number;
  hidden: number;
}

const ENTRY = 16;

/** hidden DESC, comments DESC, articleId: getArticleInsights' ORDER BY. */
function ranksBefore(a: ArticleCounts, b: ArticleCounts): boolean {
  return a.hidden !== b.hidden ? a.hidden > b.hidden : a.comments !== b.comments ? a.comments > b.comments : a.articleId < b.articleId;
}

/** The number of articles with comments in the days, and the first `limit` in the page's order. */
export function topArticlesOfDays(days: readonly Pick<DaySummary, "articles">[], limit: number): { articles: number; top: ArticleCounts[] } {
  const sums = new Map<number, [number, number, number]>();
  for (const { articles: bytes } of days) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let offset = 0; offset + ENTRY <= bytes.byteLength; offset += ENTRY) {
      const articleId = view.getInt32(offset, false);
      const comments = view.getInt32(offset + 4, false);
      const flagged = view.getInt32(offset + 8, false);
      const hidden = view.getInt32(offset + 12, false);
      const sum = sums.get(articleId);
      if (sum) {
        sum[0] += comments;
        sum[1] += flagged;
        sum[2] += hidden;
      } else {
        sums.set(articleId, [comments, flagged, hidden]);
      }
    }
  }
  const top: ArticleCounts[] = [];
  for (const [articleId, [comments, flagged, hidden]] of sums) {
    const candidate = { articleId, comments, flagged, hidden };
    if (top.length === limit && (limit === 0 || !ranksBefore(candidate, top[limit - 1]!))) continue;
    let at = top.length;
    while (at > 0 && ranksBefore(candidate, top[at - 1]!)) at -= 1;
    top.splice(at, 0, candidate);
    if (top.length > limit) top.pop();
  }
  return { articles: sums.size, top };
}

/** Packs per-article counts as the rollup stores them (for tests; the rollup packs them in SQL). */
export function packArticleCounts(rows: readonly ArticleCounts[]): Uint8Array {
  const bytes = new Uint8Array(rows.length * ENTRY);
  const view = new DataView(bytes.buffer);
  rows.forEach((row, index) => {
    view.setInt32(index * ENTRY, row.articleId, false);
    view.setInt32(index * ENTRY + 4, row.comments, false);
    view.setInt32(index * ENTRY + 8, row.flagged, false);
    view.setInt32(index * ENTRY + 12, row.hidden, false);
  });
  return bytes;
}
