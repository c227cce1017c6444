import { describe, expect, it } from "vitest";
import { applyArticleDeltas, type ArticleDelta } from "./live-day-deltas";
import { packArticleCounts, unpackArticleCounts } from "./packed-article-counts";

const day = (articles: [number, number, number, number][], queue: [number, number, number, number, number] = [0, 0, 0, 0, 0]) => ({
  queue,
  articles: packArticleCounts(articles.map(([articleId, comments, flagged, hidden]) => ({ articleId, comments, flagged, hidden }))),
});
const entries = (packed: Uint8Array) => {
  const values = [...unpackArticleCounts(packed)];
  return Array.from({ length: values.length / 4 }, (_, index) => values.slice(4 * index, 4 * index + 4));
};

describe("applyArticleDeltas", () => {
  it("sums the queue counts and merges the articles by id, in id order", () => {
    const folded = day([[3, 2, 1, 0], [9, 1, 0, 0]], [3, 2, 1, 1, 0]);
    // [articleId, posted, pending, flagged, approved, hidden]
    const deltas: ArticleDelta[] = [
      [12, 1, 1, 0, 0, 0],
      [3, 0, -1, 0, 0, 1],
      [1, 2, 2, 1, 0, 0],
    ];
    const applied = applyArticleDeltas(folded, deltas);
    expect(applied.queue).toEqual([6, 4, 2, 1, 1]);
    expect(entries(applied.articles)).toEqual([[1, 2, 1, 0], [3, 2, 1, 1], [9, 1, 0, 0], [12, 1, 0, 0]]);
  });

  it("adds two deltas of one article, and drops an article whose comments are all gone", () => {
    const folded = day([[5, 1, 1, 1], [7, 2, 0, 0]], [3, 0, 1, 2, 1]);
    const applied = applyArticleDeltas(folded, [[5, -1, 0, -1, 0, -1], [7, 1, 1, 0, 0, 0], [7, 1, 1, 0, 0, 0]]);
    expect(applied.queue).toEqual([4, 2, 0, 2, 0]);
    expect(entries(applied.articles)).toEqual([[7, 4, 0, 0]]);
  });

  it("returns the folded day as it is without deltas", () => {
    const folded = day([[2, 1, 0, 0]], [1, 1, 0, 0, 0]);
    expect(applyArticleDeltas(folded, [])).toBe(folded);
  });

  it("refuses counts that cannot be (a delta never folded into its day's row)", () => {
    expect(() => applyArticleDeltas(day([[4, 1, 0, 0]]), [[4, -2, 0, 0, 0, 0]])).toThrow(/article 4: -1 comments/);
    expect(() => applyArticleDeltas(day([[4, 1, 0, 0]]), [[4, 0, 0, 0, 0, 2]])).toThrow(/2 hidden/);
  });
});
