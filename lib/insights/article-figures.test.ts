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

  it("gives the same figures when calls share days (the kept sum of the shared arrays) as when they do not", () => {
    type Entry = ReturnType<typeof entry>;
    const day = (entries: Entry[]) => ({ entries, articles: packArticleCounts(entries) });
    // The figures by plain sums and a sort, as getArticleInsights orders them.
    const expected = (days: { entries: Entry[] }[], limit: number) => {
      const sums = new Map<number, Entry>();
      for (const { articleId, comments, flagged, hidden } of days.flatMap((one) => one.entries)) {
        const sum = sums.get(articleId) ?? entry(articleId, 0, 0, 0);
        sums.set(articleId, entry(articleId, sum.comments + comments, sum.flagged + flagged, sum.hidden + hidden));
      }
      const top = [...sums.values()].sort((a, b) => b.hidden - a.hidden || b.comments - a.comments || a.articleId - b.articleId);
      return { articles: sums.size, top: top.slice(0, limit) };
    };
    const stored = [1, 2, 3].map((n) => day([entry(n, n, 0, 1), entry(10 + n, 2, 1, 0), entry(20, 1, 1, 1)]));
    const live = (comments: number, articleId = 5) => day([entry(articleId, comments, 0, 2), entry(20, 1, 0, 0)]);
    // The stored days' arrays shared from call to call, a live day's new each time.
    for (let load = 0; load < 4; load++) {
      const days = [...stored, live(load + 1)];
      expect(topArticlesOfDays(days, 3)).toEqual(expected(days, 3));
    }
    // A stored day stored again (a new array), an id past the kept sum's arrays, a day gone, a day twice.
    const restored = day([entry(2, 9, 9, 9)]);
    const calls = [
      [stored[0]!, restored, stored[2]!, live(1)],
      [stored[0]!, restored, stored[2]!, live(1)],
      [stored[0]!, restored, stored[2]!, live(1, 5_000)],
      [stored[0]!, restored, live(2)],
      [stored[0]!, restored, live(3)],
      [stored[0]!, stored[0]!, restored],
    ];
    for (const days of calls) expect(topArticlesOfDays(days, 3)).toEqual(expected(days, 3));
  });
});
