import type { Span } from "../types";
import type { TextNormalizer } from "../normalizer-core";
import { featureScale, type LinearHead } from "./linear-model";
import type { HashedFeatures } from "./hash-features";

export interface WeighingPhrase {
  /** [start, end) in the ORIGINAL text. */
  span: Span;
  /** Normalized words, as the model read them. */
  text: string;
  /** Logit this phrase adds toward the head's category. */
  weight: number;
}

const MAX_PHRASES = 3;
const MIN_SHARE_OF_STRONGEST = 0.3;

/**
 * The words that pushed the score up most, read back from the comment's own text: each word gets
 * its unigram, its character n-grams and half of each bigram it is in; neighbouring top words join
 * into one phrase. Nothing comes from the training data, so an explanation never quotes it.
 */
export function weighingPhrases(
  head: LinearHead, features: HashedFeatures, normalized: TextNormalizer, limit = MAX_PHRASES,
): WeighingPhrase[] {
  const words = features.wordCount;
  if (words === 0) return [];
  const contribution = new Float64Array(words);
  const scale = featureScale(features);
  for (let k = 0; k < features.count; k++) {
    const weight = head.weights[features.bucket[k]!]! * scale;
    const w = features.word[k]!;
    if (features.pair[k] === 1) {
      contribution[w] = contribution[w]! + weight / 2;
      if (w + 1 < words) contribution[w + 1] = contribution[w + 1]! + weight / 2;
    } else contribution[w] = contribution[w]! + weight;
  }
  let strongest = 0;
  for (let w = 0; w < words; w++) strongest = Math.max(strongest, contribution[w]!);
  // Only words that carry a real share of the push: a long comment's faint words highlight nothing.
  const ranked = Array.from({ length: words }, (_, w) => w)
    .filter((w) => contribution[w]! > 0 && contribution[w]! >= strongest * MIN_SHARE_OF_STRONGEST)
    .sort((a, b) => contribution[b]! - contribution[a]! || a - b)
    .slice(0, limit + 1);
  const chosen = new Set(ranked);
  const phrases: WeighingPhrase[] = [];
  for (const w of [...chosen].sort((a, b) => a - b)) {
    const last = phrases[phrases.length - 1];
    const [start, end] = wordRange(normalized, w);
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

function wordRange(normalized: TextNormalizer, w: number): [number, number] {
  const start = normalized.wordStarts[w]!;
  const end = w + 1 < normalized.wordCount ? normalized.wordStarts[w + 1]! - 1 : normalized.length;
  return [start, Math.max(start + 1, end)];
}
