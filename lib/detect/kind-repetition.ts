import type { RuleDefinition } from "./types";
import type { RuleConfigByKind } from "./schemas";
import type { CompiledRule } from "./compiled-rule";
import type { TextNormalizer } from "./normalizer-core";

const MAX_PHRASE_WORDS = 4;
const DEFAULT_MIN_CHAR_RUN = 12;

interface Repeat {
  words: number;
  repeats: number;
  firstWord: number;
}

/** equalRuns[n]: how many words in a row have equalled the word n places after them. */
const equalRuns = new Int32Array(MAX_PHRASE_WORDS + 1);

/**
 * Longest back-to-back repetition of a 1..4-word phrase, from word hashes (no strings built).
 * One pass compares each word with the 1..4 words after it; the result is the longest run,
 * ties going to the shortest phrase, then to the first occurrence.
 */
function longestRepeat(text: TextNormalizer): Repeat {
  const hashes = text.wordHashes;
  const count = text.wordCount;
  let best: Repeat = { words: 1, repeats: 1, firstWord: 0 };
  const runs = equalRuns.fill(0);
  for (let i = 0; i + 1 < count; i++) {
    const hash = hashes[i];
    for (let n = 1; n <= MAX_PHRASE_WORDS && i + n < count; n++) {
      if (hashes[i + n] !== hash) { runs[n] = 0; continue; }
      const equalRun = ++runs[n]!;
      const repeats = Math.floor(equalRun / n) + 1;
      if (repeats > best.repeats || (repeats === best.repeats && repeats > 1 && n < best.words)) {
        best = { words: n, repeats, firstWord: i - equalRun + 1 };
      }
    }
  }
  return best;
}

/**
 * Whether some 1..4-word phrase could repeat `minRepeats` times: that needs a run of
 * (minRepeats - 1) x n words each equal to the word n places on, and any such run contains a
 * multiple of its length, so sampling those positions (and measuring the run around a hit)
 * finds every candidate while reading a fraction of the words. False: longestRepeat's answer
 * would be below minRepeats.
 */
function mayRepeat(text: TextNormalizer, minRepeats: number): boolean {
  const hashes = text.wordHashes;
  const count = text.wordCount;
  for (let n = 1; n <= MAX_PHRASE_WORDS; n++) {
    const needed = (minRepeats - 1) * n;
    for (let i = 0; i + n < count; i += needed) {
      if (hashes[i] !== hashes[i + n]) continue;
      let from = i;
      while (from > 0 && hashes[from - 1] === hashes[from - 1 + n]) from--;
      let to = i + 1;
      while (to + n < count && hashes[to] === hashes[to + n]) to++;
      if (to - from >= needed) return true;
    }
  }
  return false;
}

/** REPETITION: the same word or phrase over and over, or one character run very long. */
export function compileRepetitionRule(definition: RuleDefinition, config: RuleConfigByKind["REPETITION"]): CompiledRule {
  const minCharRun = config.minCharRun ?? DEFAULT_MIN_CHAR_RUN;
  return {
    definition,
    termDriven: false,
    evaluate(analysis) {
      const text = analysis.normalized;
      const repeat = mayRepeat(text, config.minRepeats) ? longestRepeat(text) : null;
      if (repeat !== null && repeat.repeats >= config.minRepeats) {
        const start = text.wordStarts[repeat.firstWord]!;
        const lastWord = repeat.firstWord + repeat.words * repeat.repeats - 1;
        const end = lastWord + 1 < text.wordCount ? text.wordStarts[lastWord + 1]! - 1 : text.length;
        const phrase = repeat.words === 1 ? "word" : `${repeat.words}-word phrase`;
        return {
          score: Math.min(1, repeat.repeats / (config.minRepeats * 2)),
          spans: [analysis.originalSpan(start, end)],
          reason: `The same ${phrase} is repeated ${repeat.repeats} times in a row.`,
        };
      }
      if (text.longestCharRun >= minCharRun) {
        const from = text.longestCharRunStart;
        return {
          score: Math.min(1, text.longestCharRun / (minCharRun * 2)),
          spans: [[from, from + text.longestCharRun]],
          reason: `One character is repeated ${text.longestCharRun} times in a row.`,
        };
      }
      return null;
    },
  };
}
