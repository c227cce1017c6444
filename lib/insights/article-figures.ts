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
  const sums = summedDays(days.map((day) => day.articles));
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

// The stored days of a range come back as the same byte arrays from load to load (the process
// holds them by row version: stored-bytes-cache.ts), and their sum was most of a load's work in JS
// (at 10M comments 600,000 entries of the 30-day range unpacked and summed, about 20 ms idle, over
// 100 at load 15). The sum of the arrays that two consecutive calls shared is kept, by identity: the
// next call that has them all starts from a copy of it and adds only the others (the live days,
// days stored since). Arrays are never written to after they are built, so identity means content.
let kept: { parts: Set<Uint8Array>; sums: DenseSums } | null = null;
let previousCall = new Set<Uint8Array>();

function summedDays(parts: readonly Uint8Array[]): Sums {
  const call = new Set(parts);
  const lastCall = previousCall;
  previousCall = call;
  if (call.size !== parts.length) return sumOf(parts.map(unpackArticleCounts));
  if (kept && kept.parts.size > 0 && [...kept.parts].every((part) => call.has(part))) {
    const rest = parts.filter((part) => !kept!.parts.has(part)).map(unpackArticleCounts);
    if (rest.every((values) => kept!.sums.holds(values))) {
      const sums = kept.sums.copy();
      for (const values of rest) sums.addAll(values);
      return sums;
    }
  }
  const quads = parts.map(unpackArticleCounts);
  const shared = parts.flatMap((part, index) => (lastCall.has(part) ? [index] : []));
  const whole = sumOf(quads);
  if (shared.length === 0 || !(whole instanceof DenseSums)) return whole;
  const sharedSums = new DenseSums(whole.maxId);
  for (const index of shared) sharedSums.addAll(quads[index]!);
  kept = { parts: new Set(shared.map((index) => parts[index]!)), sums: sharedSums };
  return whole;
}

/** The arrays' (articleId, comments, flagged, hidden) quadruples summed by article. */
function sumOf(quads: readonly Int32Array[]): Sums {
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
  for (const values of quads) sums.addAll(values);
  return sums;
}

type EachSum = (articleId: number, comments: number, flagged: number, hidden: number) => void;

interface Sums {
  addAll(values: Int32Array): void;
  forEach(each: EachSum): void;
}

class DenseSums implements Sums {
  constructor(
    readonly maxId: number,
    private readonly seen = new Uint8Array(maxId + 1),
    private readonly counts = new Float64Array(3 * (maxId + 1)),
  ) {}
  /** Whether every id of the quadruples fits these arrays. */
  holds(values: Int32Array): boolean {
    for (let at = 0; at < values.length; at += 4) if (values[at]! < 0 || values[at]! > this.maxId) return false;
    return true;
  }
  copy(): DenseSums {
    return new DenseSums(this.maxId, this.seen.slice(), this.counts.slice());
  }
  addAll(values: Int32Array): void {
    for (let at = 0; at < values.length; at += 4) this.add(values[at]!, values[at + 1]!, values[at + 2]!, values[at + 3]!);
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

class SparseSums implements Sums {
  private readonly sums = new Map<number, [number, number, number]>();
  addAll(values: Int32Array): void {
    for (let at = 0; at < values.length; at += 4) this.add(values[at]!, values[at + 1]!, values[at + 2]!, values[at + 3]!);
  }
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
