// The scan side of the Aho-Corasick matcher (built in aho-corasick.ts): one table lookup per
// character, skipping words that cannot start a match, reporting matches into typed arrays.
import type { Automaton } from "./aho-corasick";

const RING_MASK = 255;
const SPACE = 32;

/** Matches found by a scan: pattern id and [start, end) indices into the scanned codes. */
export class MatchBuffer {
  pattern = new Int32Array(64);
  start = new Int32Array(64);
  end = new Int32Array(64);
  count = 0;

  push(pattern: number, start: number, end: number): void {
    if (this.count === this.pattern.length) {
      const size = this.count * 2;
      const grow = (array: Int32Array) => { const next = new Int32Array(size); next.set(array); return next; };
      this.pattern = grow(this.pattern);
      this.start = grow(this.start);
      this.end = grow(this.end);
    }
    this.pattern[this.count] = pattern;
    this.start[this.count] = start;
    this.end[this.count] = end;
    this.count++;
  }
}

const ring = new Int32Array(RING_MASK + 1);

/**
 * Where the words of a text start, when the caller knows them (the normalizer does): text
 * that is words joined by single spaces, starts[k] the index of word k's first code.
 */
export interface WordStarts {
  starts: Int32Array;
  count: number;
}

/**
 * Scans codes[0..length) framed by one virtual space on each side (index -1 and `length`), so
 * patterns written as ' word ' only match whole words. With `squeeze`, a code equal to the one
 * before it is skipped: 'stuupid' is read as 'stupid' (callers verify run lengths if they care).
 * With `words`, skipping the rest of a word jumps to its end instead of looking for the space.
 */
export function scanAutomaton(
  automaton: Automaton, codes: ArrayLike<number>, length: number, squeeze: boolean, out: MatchBuffer,
  words: WordStarts | null = null,
): void {
  const { symbolOf, rows, symbolCount, rootLeavesOnSpaceOnly, skipWord } = automaton;
  const canSkipWords = skipWord.length > 0;
  // Index into words.starts of the word holding the position last skipped from (only grows).
  let word = 0;
  let fed = 0;
  ring[0] = -1;
  let row = rows[symbolOf[SPACE]!]!;
  if (row < 0) {
    row = ~row;
    reportMatches(automaton, row / symbolCount, fed, out);
  }
  fed++;
  let previous = SPACE;
  for (let i = 0; i < length; i++) {
    const code = codes[i]!;
    if (squeeze && code === previous) continue;
    if (row === 0 && code === SPACE && canSkipWords && i + 3 < length) {
      // A word whose first three letters lead back to the root cannot start a match: skip it
      // with one lookup in a small table instead of three in the big one. (Distinct codes, so
      // squeezing would feed all three; no space, so they are one word.)
      const c1 = codes[i + 1]!;
      const c2 = codes[i + 2]!;
      const c3 = codes[i + 3]!;
      if (c1 !== c2 && c2 !== c3 && c1 !== SPACE && c2 !== SPACE && c3 !== SPACE &&
        skipWord[(symbolOf[c1]! * symbolCount + symbolOf[c2]!) * symbolCount + symbolOf[c3]!] === 1) {
        if (words !== null) {
          word = wordHolding(words, word, i + 3);
          i = word + 1 < words.count ? words.starts[word + 1]! - 2 : length - 1;
        } else {
          i += 3;
          while (i + 1 < length && codes[i + 1] !== SPACE) i++;
        }
        previous = codes[i]!;
        continue;
      }
    }
    previous = code;
    row = rows[row + symbolOf[code]!]!;
    ring[fed & RING_MASK] = i;
    if (row < 0) {
      row = ~row;
      reportMatches(automaton, row / symbolCount, fed, out);
    } else if (row === 0 && rootLeavesOnSpaceOnly && code !== SPACE) {
      // Back at the root mid-word: nothing can start before the next space, and no match can
      // include the chars skipped (the root keeps no context), so fed positions stay valid.
      if (words !== null) {
        word = wordHolding(words, word, i);
        i = word + 1 < words.count ? words.starts[word + 1]! - 2 : length - 1;
      } else {
        while (i + 1 < length && codes[i + 1] !== SPACE) i++;
      }
      previous = codes[i]!;
    }
    fed++;
  }
  row = rows[row + symbolOf[SPACE]!]!;
  ring[fed & RING_MASK] = length;
  if (row < 0) reportMatches(automaton, ~row / symbolCount, fed, out);
}

/** The word holding code index `at`, searching forward from word `from` (at is never behind it). */
function wordHolding(words: WordStarts, from: number, at: number): number {
  let word = from;
  while (word + 1 < words.count && words.starts[word + 1]! <= at) word++;
  return word;
}

function reportMatches(automaton: Automaton, state: number, fed: number, out: MatchBuffer): void {
  const { outPattern, dictLink, patternLength } = automaton;
  for (let at = outPattern[state] !== -1 ? state : dictLink[state]!; at !== -1; at = dictLink[at]!) {
    const pattern = outPattern[at]!;
    const first = fed - patternLength[pattern]! + 1;
    out.push(pattern, ring[first & RING_MASK]!, ring[fed & RING_MASK]! + 1);
  }
}
