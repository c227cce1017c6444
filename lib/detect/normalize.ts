import type { Span } from "./types";
import { TextNormalizer } from "./normalizer-core";

export interface NormalizedText {
  /** Lowercase words separated by single spaces. */
  text: string;
  /** origin[i]: start offset (UTF-16) in the original text of normalized char i. */
  origin: Int32Array;
  /** originEnd[i]: end offset (exclusive) of the original char(s) normalized char i came from. */
  originEnd: Int32Array;
}

const shared = new TextNormalizer();

/**
 * Normalizes text so that evasive spellings match plain terms. Steps, all in one pass:
 * per-character NFKC + lowercase + diacritics stripped + UTS #39 homoglyphs folded to Latin;
 * zero-width/bidi/soft-hyphen characters dropped without splitting the word; leetspeak
 * (0→o, 1→i, 3→e, 4→a, 5→s, 7→t, @→a, $→s, !→i, |→l) only inside words that contain a letter;
 * 3+ single letters one separator apart joined ('i.n.d.i.a' → 'india'); runs of 3+ identical
 * letters collapsed to one ('stuuupid' → 'stupid'); any other punctuation is a word boundary.
 * Runs of exactly two letters are kept: the term matcher squeezes them at match time.
 */
export function normalizeForMatching(text: string): NormalizedText {
  shared.run(text);
  return {
    text: shared.textOf(),
    origin: shared.originStart.slice(0, shared.length),
    originEnd: shared.originEnd.slice(0, shared.length),
  };
}

/** Maps a [start, end) span of normalized text to the whole original characters it came from. */
export function toOriginalSpan(normalized: NormalizedText, span: Span): Span {
  const [start, end] = span;
  const length = normalized.origin.length;
  if (length === 0 || end <= start) {
    const at = length === 0 ? 0 : normalized.origin[Math.min(start, length - 1)]!;
    return [at, at];
  }
  const first = Math.max(0, Math.min(start, length - 1));
  const last = Math.max(first, Math.min(end - 1, length - 1));
  return [normalized.origin[first]!, normalized.originEnd[last]!];
}
