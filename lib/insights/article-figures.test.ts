import { describe, expect, it } from "vitest";
import { topArticlesOfDays } from "./article-figures";
import { packArticleCounts } from "./packed-article-counts";

const entry = (articleId: number, comments: number, flagged: number, hidden: number) => ({ articleId, comments, flagged, hidden });

describe("the articles block from per-day article counts", () => {
  it("sums an article's days, counts distinct articles and orders by hidden, comments, id", () => {
    const day1 = { articles: packArticleCounts([entry(1, 3, 1, 1), entry(2, 5, 0, 0), entry(7, 2, 2, 2)]) };
    const day2 = { articles: packArticleCounts([entry(1, 4, 2, 1), entry(3, 5, 0, 0), entry(9, 1, 1, 1)]) };
    const { articles, top } = topArticlesOfDays([day1, day2], 10);
    expect(articles).toBe(5);
    expect(top).toEqual([entry(1, 7, 3, 2), entry(7, 2, 2, 2), entry(9, 1, 1, 1), entry(2, 5, 0, 0), entry(3, 5, 0, 0)]);
  });

  it("keeps only the first `limit`, and nothing for no days", () => {
    const day = { articles: packArticleCounts(Array.from({ length: 40 }, (_, index) => entry(index + 1, 40 - index, 0, index % 3))) };
    const { articles, top } = topArticlesOfDays([day], 4);
    expect(articles).toBe(40);
    expect(top.map((row) => row.articleId)).toEqual([3, 6, 9, 12]);
    expect(topArticlesOfDays([], 15)).toEqual({ articles: 0, top: [] });
  });

  it("gives the same figures for sparse and negative article ids as for a dense sequence", () => {
    const dense = [entry(1, 3, 1, 1), entry(2, 5, 0, 0), entry(4, 2, 2, 2)];
    const shifted = (by: number) => dense.map((row) => ({ ...row, articleId: row.articleId + by }));
    const sparse = topArticlesOfDays([{ articles: packArticleCounts(shifted(2_000_000_000)) }, { articles: packArticleCounts(shifted(2_000_000_000)) }], 2);
    expect(sparse).toEqual({ articles: 3, top: [entry(2_000_000_004, 4, 4, 4), entry(2_000_000_001, 6, 2, 2)] });
    expect(topArticlesOfDays([{ articles: packArticleCounts(shifted(-10)) }], 1)).toEqual({ articles: 3, top: [entry(-6, 2, 2, 2)] });
    expect(topArticlesOfDays([{ articles: packArticleCounts(dense) }, { articles: packArticleCounts(dense) }], 2)).toEqual({ articles: 3, top: [entry(4, 4, 4, 4), entry(1, 6, 2, 2)] });
  });
});
