import { describe, expect, it } from "vitest";
import { applyArticleDeltas, applyDecisionDeltas, type ArticleDelta } from "./live-day-deltas";
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

describe("applyDecisionDeltas", () => {
  const folded = {
    day: "2026-12-06",
    approved: 2,
    reasons: { SPAM: [1, 1] as [number, number] },
    moderators: { ana: [2, 1, 1] as [number, number, number], bo: [1, 1, 0] as [number, number, number] },
    latency: new Float64Array([10, 20, 30]),
  };

  it("adds a decision: its approval or reason, its moderator, its seconds in order", () => {
    const applied = applyDecisionDeltas(folded, [
      { status: "HIDDEN", decidedById: "bo", seconds: 25, reason: "ABUSIVE", count: 1 },
      { status: "HIDDEN", decidedById: null, seconds: 5, reason: "SPAM", count: 1 },
      { status: "APPROVED", decidedById: "cy", seconds: 40, reason: null, count: 1 },
    ]);
    expect(applied.approved).toBe(3);
    expect(applied.reasons).toEqual({ SPAM: [1, 2], ABUSIVE: [1, 0] });
    expect(applied.moderators).toEqual({ ana: [2, 1, 1], bo: [2, 1, 1], cy: [1, 1, 0] });
    expect([...applied.latency]).toEqual([10, 20, 25, 30, 40]);
    // The folded day itself is left as it was.
    expect([...folded.latency]).toEqual([10, 20, 30]);
    expect(folded.moderators.bo).toEqual([1, 1, 0]);
  });

  it("takes an undone decision out, dropping groups that fall to zero", () => {
    const applied = applyDecisionDeltas(folded, [
      { status: "APPROVED", decidedById: "bo", seconds: 20, reason: null, count: -1 },
      { status: "HIDDEN", decidedById: "ana", seconds: 30, reason: "SPAM", count: -1 },
    ]);
    expect(applied.approved).toBe(1);
    expect(applied.reasons).toEqual({ SPAM: [0, 1] });
    expect(applied.moderators).toEqual({ ana: [1, 1, 0] });
    expect([...applied.latency]).toEqual([10]);
  });

  it("lets a decision added and taken out since the fold cancel, and refuses a removal the day does not hold", () => {
    const applied = applyDecisionDeltas(folded, [
      { status: "HIDDEN", decidedById: "ana", seconds: 50, reason: "SPAM", count: 1 },
      { status: "APPROVED", decidedById: "ana", seconds: 50, reason: null, count: -1 },
      { status: "APPROVED", decidedById: "ana", seconds: 10, reason: null, count: 1 },
    ]);
    expect([...applied.latency]).toEqual([10, 10, 20, 30]);
    expect(() => applyDecisionDeltas(folded, [{ status: "HIDDEN", decidedById: "ana", seconds: 99, reason: "SPAM", count: -1 }])).toThrow(/not held/);
    expect(() => applyDecisionDeltas(folded, [{ status: "APPROVED", decidedById: null, seconds: 1, reason: null, count: -3 }])).toThrow(/below zero/);
  });
});
