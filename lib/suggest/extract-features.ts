import { normalizeForMatching } from "@/lib/detect/normalize";

// Features are prefixed by kind so one vocabulary holds them all. The colon never survives
// normalization (punctuation becomes a word boundary), so a prefixed feature cannot collide with text.
export const WORD = "w:";
export const BIGRAM = "b:";
export const CHARS = "c:";

/** Character n-gram sizes inside words: they catch spellings the word list has never seen. */
const CHAR_GRAM_SIZES = [3, 4] as const;

/** Long comments add little past their opening; capping keeps one essay from dominating the counts. */
const MAX_NORMALIZED_CHARS = 3_000;

/** The normalized words of a text (the same normalization the rules engine matches on). */
export function wordsOf(text: string): string[] {
  const normalized = normalizeForMatching(text).text.slice(0, MAX_NORMALIZED_CHARS);
  return normalized.split(" ").filter((word) => word.length > 0);
}

/**
 * The distinct features of a text: word unigrams, word bigrams and character 3-/4-grams of each
 * word padded with spaces. Presence, not counts: a word shouted ten times is still one word.
 */
export function extractFeatures(text: string): string[] {
  const words = wordsOf(text);
  const features = new Set<string>();
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    features.add(WORD + word);
    const next = words[index + 1];
    if (next !== undefined) features.add(`${BIGRAM}${word} ${next}`);
    const padded = ` ${word} `;
    for (const size of CHAR_GRAM_SIZES) {
      for (let start = 0; start + size <= padded.length; start++) features.add(CHARS + padded.slice(start, start + size));
    }
  }
  return [...features];
}

/** A feature as a person reads it, or null for character n-grams (not meaningful on their own). */
export function readableFeature(feature: string): string | null {
  if (feature.startsWith(WORD) || feature.startsWith(BIGRAM)) return feature.slice(2);
  return null;
}
