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
/** Per-word contributions, reused: one comment is explained at a time. */
let scratch = new Float64Array(256);

/**
 * Each word's push toward the head's category: its unigram, its character n-grams and half of each
 * bigram it is in. Valid for [0, features.wordCount) and until the next call (the array is reused).
 */
export function wordContributions(head: LinearHead, features: HashedFeatures): Float64Array {
  const words = features.wordCount;
  if (scratch.length < words) scratch = new Float64Array(Math.max(words, scratch.length * 2));
  const contribution = scratch;
  contribution.fill(0, 0, words);
  const scale = featureScale(features);
  for (let k = 0; k < features.count; k++) {
    const weight = head.weights[features.bucket[k]!]! * scale;
    const w = features.word[k]!;
    if (features.pair[k] === 1) {
      contribution[w] = contribution[w]! + weight / 2;
      if (w + 1 < words) contribution[w + 1] = contribution[w + 1]! + weight / 2;
    } else contribution[w] = contribution[w]! + weight;
  }
  return contribution;
}

/**
 * The words that pushed the score up most (wordContributions), read back from the comment's own
 * text; neighbouring top words join into one phrase. Nothing comes from the training data, so an
 * explanation never quotes it.
 */
export function weighingPhrases(
  head: LinearHead, features: HashedFeatures, normalized: TextNormalizer, limit = MAX_PHRASES,
): WeighingPhrase[] {
  const words = features.wordCount;
  if (words === 0) return [];
  const contribution = wordContributions(head, features);
  let strongest = 0;
  for (let w = 0; w < words; w++) strongest = Math.max(strongest, contribution[w]!);
  // Only words that carry a real share of the push: a long comment's faint words highlight nothing.
  // The limit + 1 strongest of them (ties to the earlier word), kept in order as they come: a
  // flagged comment used to sort an array of all its words.
  const ranked: number[] = [];
  for (let w = 0; w < words; w++) {
    const weight = contribution[w]!;
    if (!(weight > 0 && weight >= strongest * MIN_SHARE_OF_STRONGEST)) continue;
    let at = ranked.length;
    while (at > 0 && contribution[ranked[at - 1]!]! < weight) at--;
    if (at > limit) continue;
    ranked.splice(at, 0, w);
    if (ranked.length > limit + 1) ranked.pop();
  }
  const chosen = ranked.sort((a, b) => a - b);
  const phrases: WeighingPhrase[] = [];
  for (let c = 0; c < chosen.length; c++) {
    const w = chosen[c]!;
    const last = phrases[phrases.length - 1];
    const [start, end] = wordRange(normalized, w);
    const text = normalized.textOf(start, end);
    const span: Span = [normalized.originStart[start]!, normalized.originEnd[end - 1]!];
    if (last !== undefined && c > 0 && chosen[c - 1] === w - 1) {
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
