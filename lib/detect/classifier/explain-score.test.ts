import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/seeded-random";
import type { Span } from "../types";
import { TextNormalizer } from "../normalizer-core";
import { HashedFeatures } from "./hash-features";
import type { LinearHead } from "./linear-model";
import { weighingPhrases, wordContributions, type WeighingPhrase } from "./explain-score";

/** weighingPhrases as first written (every word's push in a new array, all of them sorted): the reference. */
function byFullSort(head: LinearHead, features: HashedFeatures, normalized: TextNormalizer, limit: number): WeighingPhrase[] {
  const words = features.wordCount;
  if (words === 0) return [];
  // The pushes themselves are shared; what is checked here is which words are chosen from them.
  const contribution = wordContributions(head, features).slice(0, words);
  let strongest = 0;
  for (let w = 0; w < words; w++) strongest = Math.max(strongest, contribution[w]!);
  const ranked = Array.from({ length: words }, (_, w) => w)
    .filter((w) => contribution[w]! > 0 && contribution[w]! >= strongest * 0.3)
    .sort((a, b) => contribution[b]! - contribution[a]! || a - b)
    .slice(0, limit + 1);
  const chosen = new Set(ranked);
  const phrases: WeighingPhrase[] = [];
  for (const w of [...chosen].sort((a, b) => a - b)) {
    const last = phrases[phrases.length - 1];
    const start = normalized.wordStarts[w]!;
    const end = Math.max(start + 1, w + 1 < normalized.wordCount ? normalized.wordStarts[w + 1]! - 1 : normalized.length);
    const text = normalized.textOf(start, end);
    const span: Span = [normalized.originStart[start]!, normalized.originEnd[end - 1]!];
    if (last !== undefined && chosen.has(w - 1)) {
      last.span = [last.span[0], span[1]];
      last.text += ` ${text}`;
      last.weight += contribution[w]!;
    } else phrases.push({ span, text, weight: contribution[w]! });
  }
  return phrases.sort((a, b) => b.weight - a.weight || a.span[0] - b.span[0]).slice(0, limit);
}

describe("weighingPhrases", () => {
  it("picks the phrases a full sort of every word's push picks, ties going to the earlier word", () => {
    const random = mulberry32(17);
    const features = { hashBits: 10, words: true, bigrams: true, charMin: 2, charMax: 4 };
    // Few distinct weights, so words tie often; long comments too (more words than the reused buffer).
    const head: LinearHead = { category: "ABUSIVE", bias: 0, weights: Float32Array.from({ length: 1 << 10 }, () => Math.round(random() * 4 - 1) / 2) };
    const vocabulary = ["you", "are", "a", "fool", "idiot", "the", "budget", "failed", "again", "dirty", "rats", "ok", "india"];
    const normalizer = new TextNormalizer();
    const hashed = new HashedFeatures();
    let explained = 0;
    for (let k = 0; k < 800; k++) {
      const length = random() < 0.05 ? 300 + Math.floor(random() * 300) : Math.floor(random() * 30);
      const text = Array.from({ length }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(" ");
      normalizer.run(text);
      hashed.extract(normalizer, features);
      for (const limit of [0, 1, 3, 6]) {
        const expected = byFullSort(head, hashed, normalizer, limit);
        expect(weighingPhrases(head, hashed, normalizer, limit), `${text} (limit ${limit})`).toEqual(expected);
        if (expected.length > 0) explained++;
      }
    }
    expect(explained).toBeGreaterThan(1000);
  });
});
