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

/** Longest back-to-back repetition of a 1..4-word phrase, from word hashes (no strings built). */
function longestRepeat(text: TextNormalizer): Repeat {
  const hashes = text.wordHashes;
  let best: Repeat = { words: 1, repeats: 1, firstWord: 0 };
  for (let n = 1; n <= MAX_PHRASE_WORDS; n++) {
    let equalRun = 0;
    for (let i = 0; i + n < text.wordCount; i++) {
      equalRun = hashes[i] === hashes[i + n] ? equalRun + 1 : 0;
      const repeats = Math.floor(equalRun / n) + 1;
      if (repeats > best.repeats) best = { words: n, repeats, firstWord: i - equalRun + 1 };
    }
  }
  return best;
}

/** REPETITION: the same word or phrase over and over, or one character run very long. */
export function compileRepetitionRule(definition: RuleDefinition, config: RuleConfigByKind["REPETITION"]): CompiledRule {
  const minCharRun = config.minCharRun ?? DEFAULT_MIN_CHAR_RUN;
  return {
    definition,
    termDriven: false,
    evaluate(analysis) {
      const text = analysis.normalized;
      const repeat = longestRepeat(text);
      if (repeat.repeats >= config.minRepeats) {
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
