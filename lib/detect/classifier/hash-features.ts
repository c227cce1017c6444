import type { TextNormalizer } from "../normalizer-core";
import type { FeatureConfig } from "./feature-config";

const SPACE = 32;
const FNV_PRIME = 16777619;
// Seeds keep the feature kinds apart: the word 'ab' and the character bigram 'ab' land in different buckets.
const WORD_SEED = 0x2c1b3c6d;
const BIGRAM_SEED = 0x297a2d39;
const CHAR_SEED = 0x5bd1e995;
/**
 * The longest stretch of text scored as one: a longer comment is scored window by window (see
 * featureWindows), so padding an insult with an essay neither hides it past a cap nor dilutes it.
 */
export const MAX_FEATURE_CHARS = 4000;
/** Words past this length (URLs, keyboard mashing) give no character n-grams past their first letters. */
const MAX_CHAR_GRAM_WORD = 24;

/** Fibonacci hashing: one multiply spreads FNV's bits into the top ones, which pick the bucket. */
export function bucketOf(h: number, shift: number): number {
  return Math.imul(h ^ (h >>> 16), 0x9e3779b1) >>> shift;
}

/** The word's hash: the normalizer already computed FNV-1a of every word; reseeded for the word feature. */
export function wordHashOf(normalized: TextNormalizer, w: number): number {
  return Math.imul(normalized.wordHashes[w]! ^ WORD_SEED, FNV_PRIME);
}

export function bigramBucket(previousHash: number, wordHash: number, shift: number): number {
  return bucketOf(Math.imul(previousHash ^ BIGRAM_SEED, FNV_PRIME) ^ wordHash, shift);
}

/** End (exclusive) of the window of words starting at `from`: the words that start within MAX_FEATURE_CHARS of it. */
export function windowEnd(normalized: TextNormalizer, from: number): number {
  const { wordCount, wordStarts } = normalized;
  if (from >= wordCount) return from;
  const limit = wordStarts[from]! + MAX_FEATURE_CHARS;
  let to = from + 1;
  while (to < wordCount && wordStarts[to]! < limit) to++;
  return to;
}

/**
 * Word ranges the model scores, as [from, to) pairs: the whole comment when it fits one window, else
 * windows of MAX_FEATURE_CHARS each starting halfway into the one before, so any passage up to half a
 * window long is read whole in one of them. A comment scores as its most hostile window.
 */
export function featureWindows(normalized: TextNormalizer): Array<[number, number]> {
  const { wordCount, wordStarts } = normalized;
  const windows: Array<[number, number]> = [];
  let from = 0;
  for (;;) {
    const to = windowEnd(normalized, from);
    windows.push([from, to]);
    if (to >= wordCount) return windows;
    const middle = wordStarts[from]! + MAX_FEATURE_CHARS / 2;
    let next = from + 1;
    while (next < to && wordStarts[next]! < middle) next++;
    from = next;
  }
}

/** End (exclusive) of word w in the normalized text. */
export function wordEndOf(normalized: TextNormalizer, w: number): number {
  return w + 1 < normalized.wordCount ? normalized.wordStarts[w + 1]! - 1 : normalized.length;
}

/**
 * The hashed features of one normalized comment, in reusable buffers: bucket[k] is the k-th
 * feature's bucket, word[k] the index of the word it came from (a bigram counts for its first
 * word and `pair[k]` is 1). Not re-entrant: one instance per caller whose result must survive.
 */
export class HashedFeatures {
  bucket = new Int32Array(4096);
  word = new Int32Array(4096);
  pair = new Uint8Array(4096);
  count = 0;
  /** The window of words read: [firstWord, wordCount). */
  firstWord = 0;
  wordCount = 0;

  private push(bucket: number, word: number, pair: number): void {
    const at = this.count++;
    this.bucket[at] = bucket;
    this.word[at] = word;
    this.pair[at] = pair;
  }

  /** Room for `more` features: reserved per word, so the hot loop never checks capacity. */
  private reserve(more: number): void {
    if (this.count + more > this.bucket.length) this.grow(this.count + more);
  }

  private grow(minimum: number): void {
    let size = this.bucket.length * 2;
    while (size < minimum) size *= 2;
    const bucket = new Int32Array(size); bucket.set(this.bucket); this.bucket = bucket;
    const word = new Int32Array(size); word.set(this.word); this.word = word;
    const pair = new Uint8Array(size); pair.set(this.pair); this.pair = pair;
  }

  /** Extracts the features of words [from, to) of the text the normalizer last ran on (default: its first window). */
  extract(normalized: TextNormalizer, config: FeatureConfig, from = 0, to = windowEnd(normalized, from)): void {
    this.count = 0;
    const shift = 32 - config.hashBits;
    const codes = normalized.codes;
    this.firstWord = from;
    this.wordCount = to;
    let previousHash = 0;
    for (let w = from; w < to; w++) {
      const start = normalized.wordStarts[w]!;
      const wordEnd = wordEndOf(normalized, w);
      const wordHash = wordHashOf(normalized, w);
      if (config.bigrams && w > from) {
        this.reserve(1);
        this.push(bigramBucket(previousHash, wordHash, shift), w - 1, 1);
      }
      previousHash = wordHash;
      this.appendWord(codes, start, wordEnd, wordHash, w, config);
    }
  }

  /** One word's own features: the word itself and its character n-grams (bigrams are the caller's). */
  appendWord(codes: Uint16Array, start: number, wordEnd: number, wordHash: number, w: number, config: FeatureConfig): void {
    const shift = 32 - config.hashBits;
    const charSizes = config.charMin > 0 ? config.charMax - config.charMin + 1 : 0;
    const charEnd = Math.min(wordEnd, start + MAX_CHAR_GRAM_WORD);
    this.reserve(1 + (charEnd - start + 2) * charSizes);
    if (config.words) this.push(bucketOf(wordHash, shift), w, 0);
    if (charSizes > 0) this.charGrams(codes, start, charEnd, w, config, shift);
  }

  /** Character n-grams of ' word ' (padded, so prefixes and suffixes are features of their own). */
  private charGrams(codes: Uint16Array, start: number, end: number, w: number, config: FeatureConfig, shift: number): void {
    const { charMin, charMax } = config;
    // Padded positions: start-1 is the leading space, end the trailing one.
    for (let from = start - 1; from < end; from++) {
      let h = CHAR_SEED;
      for (let size = 1; size <= charMax; size++) {
        const at = from + size - 1;
        if (at > end) break;
        const code = at < start || at >= end ? SPACE : codes[at]!;
        h = Math.imul(h ^ code, FNV_PRIME);
        if (size >= charMin) this.push(bucketOf(h + size, shift), w, 0);
      }
    }
  }
}
