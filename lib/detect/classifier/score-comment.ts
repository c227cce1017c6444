import type { TextNormalizer } from "../normalizer-core";
import { HashedFeatures, MAX_FEATURE_CHARS, bigramBucket, featureWindows, wordEndOf, wordHashOf } from "./hash-features";
import { interleavedTable, type LinearModel } from "./linear-model";

/** Open-addressing table of remembered words: 2^16 slots, refilled from empty at half full. */
const TABLE_BITS = 16;
const TABLE_SIZE = 1 << TABLE_BITS;
const MAX_FILLED = TABLE_SIZE >> 1;
const MAX_HEADS = 4;

/** Per slot, one 64-byte record: first key, second key, feature count + 1 (0 = empty), then the sums. */
const SLOT_INTS = 16;
const SLOT_DOUBLES = 8;
const SUMS_AT = 2;

/**
 * What one word adds to every head: the sum of its own features' weights (the word and its
 * character n-grams) and how many there are. Words repeat (Zipf), so after warm-up most words of a
 * comment cost one probe instead of ~15 hashes and table reads. A slot's keys, count and sums share
 * one record, so a probe reads one cache line, not one per array (the table is megabytes: on a
 * machine busy with PostgreSQL, each line read is a miss).
 */
class WordScores {
  private readonly buffer = new ArrayBuffer(TABLE_SIZE * SLOT_INTS * 4);
  readonly ints = new Int32Array(this.buffer);
  readonly doubles = new Float64Array(this.buffer);
  filled = 0;
  /** What scoreWindow's first pass read from the slots its probes will start at: kept, so the reads are not dropped as unused. */
  readAhead = 0;

  /** Where the probe for a word with this first key starts. */
  firstSlot(first: number): number {
    return Math.imul(first, 0x9e3779b1) >>> (32 - TABLE_BITS);
  }

  /** Slot of the word, or -(slot + 1) of the empty slot where it belongs. */
  find(first: number, second: number): number {
    const ints = this.ints;
    let slot = this.firstSlot(first);
    for (;;) {
      const at = slot * SLOT_INTS;
      if (ints[at + 2] === 0) return -(slot + 1);
      if (ints[at] === first && ints[at + 1] === second) return slot;
      slot = (slot + 1) & (TABLE_SIZE - 1);
    }
  }

  /** Feature count of a found slot. */
  countOf(slot: number): number {
    return this.ints[slot * SLOT_INTS + 2]! - 1;
  }

  /** Stores a word at the place `find` returned for it (its negative result). */
  add(notFound: number, first: number, second: number, sums: Float64Array, count: number): number {
    let slot = -(notFound + 1);
    if (this.filled >= MAX_FILLED) {
      for (let s = 0; s < TABLE_SIZE; s++) this.ints[s * SLOT_INTS + 2] = 0;
      this.filled = 0;
      slot = -(this.find(first, second) + 1);
    }
    const at = slot * SLOT_INTS;
    this.ints[at] = first;
    this.ints[at + 1] = second;
    this.ints[at + 2] = count + 1;
    for (let h = 0; h < MAX_HEADS; h++) this.doubles[slot * SLOT_DOUBLES + SUMS_AT + h] = sums[h]!;
    this.filled++;
    return slot;
  }
}

const caches = new WeakMap<LinearModel, WordScores>();
const scratch = new HashedFeatures();
const wordSums = new Float64Array(MAX_HEADS);

const windowLogits = new Float64Array(MAX_HEADS);

/**
 * Logits of every head for the text the normalizer last ran on (same features and result as
 * HashedFeatures.extract + allHeadLogits per window, up to float rounding). This is rule
 * evaluation's path. A comment longer than one window gets, per head, its highest window's logit;
 * `bestWindowStart[h]` (when given) receives the first word of that window.
 */
export function scoreNormalized(normalized: TextNormalizer, model: LinearModel, out: Float64Array, bestWindowStart?: Int32Array): void {
  const heads = model.heads.length;
  if (heads > MAX_HEADS) throw new Error(`the classifier scores at most ${MAX_HEADS} heads`);
  bestWindowStart?.fill(0);
  // Nearly every comment fits one window: no window list to build.
  if (normalized.length <= MAX_FEATURE_CHARS) {
    scoreWindow(normalized, model, 0, normalized.wordCount, out);
    return;
  }
  let first = true;
  for (const [from, to] of featureWindows(normalized)) {
    scoreWindow(normalized, model, from, to, windowLogits);
    for (let h = 0; h < heads; h++) {
      if (first || windowLogits[h]! > out[h]!) {
        out[h] = windowLogits[h]!;
        if (bestWindowStart) bestWindowStart[h] = from;
      }
    }
    first = false;
  }
}

// A window's bigram weights, gathered before they are summed (grown as needed).
let bigramWeights = new Float32Array(1024 * MAX_HEADS);

/**
 * Why two passes: a bigram's weights are a read at random in a 2 MB table, and a word's record one in
 * the word cache, most of them cache misses. Pass 1 only reads them, each read independent of the
 * others, so the CPU has many misses in flight at once; pass 2 adds them up in the same order as one
 * pass did, so the logits are the same to the bit.
 */
function scoreWindow(normalized: TextNormalizer, model: LinearModel, from: number, to: number, out: Float64Array): void {
  const heads = model.heads.length;
  let cache = caches.get(model);
  if (cache === undefined) { cache = new WordScores(); caches.set(model, cache); }
  const table = interleavedTable(model);
  const config = model.features;
  const shift = 32 - config.hashBits;
  const codes = normalized.codes;
  const bigrams = config.bigrams;
  if (bigrams && (to - from) * MAX_HEADS > bigramWeights.length) bigramWeights = new Float32Array((to - from) * MAX_HEADS * 2);
  const gathered = bigramWeights;
  const ints = cache.ints;
  let touched = 0;
  let previousHash = 0;
  for (let w = from; w < to; w++) {
    const wordHash = wordHashOf(normalized, w);
    if (bigrams && w > from) {
      const at = bigramBucket(previousHash, wordHash, shift) * heads;
      const into = (w - from) * MAX_HEADS;
      for (let h = 0; h < heads; h++) gathered[into + h] = table[at + h]!;
    }
    previousHash = wordHash;
    touched |= ints[cache.firstSlot(wordHash) * SLOT_INTS + 2]!;
  }
  cache.readAhead = touched;
  let total0 = 0, total1 = 0, total2 = 0, total3 = 0;
  let count = 0;
  for (let w = from; w < to; w++) {
    const start = normalized.wordStarts[w]!;
    const wordEnd = wordEndOf(normalized, w);
    const wordHash = wordHashOf(normalized, w);
    if (bigrams && w > from) {
      const at = (w - from) * MAX_HEADS;
      total0 += gathered[at]!;
      if (heads > 1) total1 += gathered[at + 1]!;
      if (heads > 2) total2 += gathered[at + 2]!;
      if (heads > 3) total3 += gathered[at + 3]!;
      count++;
    }
    // A cheap second key: a wrong hit would need a 32-bit hash collision between words of the
    // same length, first and last letter.
    const second = ((wordEnd - start) << 16) ^ (codes[start]! << 8) ^ codes[wordEnd - 1]!;
    let slot = cache.find(wordHash, second);
    if (slot < 0) {
      scratch.count = 0;
      scratch.appendWord(codes, start, wordEnd, wordHash, 0, config);
      wordSums.fill(0);
      for (let k = 0; k < scratch.count; k++) {
        const at = scratch.bucket[k]! * heads;
        for (let h = 0; h < heads; h++) wordSums[h] = wordSums[h]! + table[at + h]!;
      }
      slot = cache.add(slot, wordHash, second, wordSums, scratch.count);
    }
    const base = slot * SLOT_DOUBLES + SUMS_AT;
    const doubles = cache.doubles;
    total0 += doubles[base]!;
    total1 += doubles[base + 1]!;
    total2 += doubles[base + 2]!;
    total3 += doubles[base + 3]!;
    count += cache.countOf(slot);
  }
  const scale = count === 0 ? 0 : 1 / Math.sqrt(count);
  out[0] = model.heads[0]!.bias + total0 * scale;
  if (heads > 1) out[1] = model.heads[1]!.bias + total1 * scale;
  if (heads > 2) out[2] = model.heads[2]!.bias + total2 * scale;
  if (heads > 3) out[3] = model.heads[3]!.bias + total3 * scale;
}
