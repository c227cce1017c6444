// The normalizer's general path for words that are not plain ASCII: a word is buffered with
// each folded char's kind, then split where symbols are punctuation rather than leetspeak, and
// single letters one separator apart ('i.n.d.i.a') are held until we know whether they join.
import { FOLD_LEET_SYMBOL, FOLD_LETTER, LEET_DIGIT, LEET_SYMBOL } from "./char-fold";
import { isListedWord, spellsListedWord } from "./disguised-words";
import { grownInt32, grownUint16 } from "./normalizer-buffers";
import type { TextNormalizer } from "./normalizer-core";

const DOLLAR = 36;

/** The word being read: folded codes, their FOLD_* kinds, and their original [start, end). */
export class PendingWord {
  code: Uint16Array = new Uint16Array(64);
  kind: Uint8Array = new Uint8Array(64);
  start: Int32Array = new Int32Array(64);
  end: Int32Array = new Int32Array(64);
  length = 0;

  push(code: number, kind: number, start: number, end: number): void {
    if (this.length === this.code.length) this.grow();
    const at = this.length++;
    this.code[at] = code;
    this.kind[at] = kind;
    this.start[at] = start;
    this.end[at] = end;
  }

  private grow(): void {
    const size = this.code.length * 2;
    this.code = grownUint16(this.code, size);
    const kind = new Uint8Array(size); kind.set(this.kind); this.kind = kind;
    this.start = grownInt32(this.start, size);
    this.end = grownInt32(this.end, size);
  }
}

/** Single-letter words seen one separator apart, not yet emitted. */
export class SingleLetters {
  code: Uint16Array = new Uint16Array(16);
  start: Int32Array = new Int32Array(16);
  end: Int32Array = new Int32Array(16);
  count = 0;

  push(code: number, start: number, end: number): void {
    if (this.count === this.code.length) {
      this.code = grownUint16(this.code, 0);
      this.start = grownInt32(this.start, 0);
      this.end = grownInt32(this.end, 0);
    }
    this.code[this.count] = code;
    this.start[this.count] = start;
    this.end[this.count] = end;
    this.count++;
  }
}

/** Emits the pending word, split where symbols are punctuation rather than leetspeak. */
export function flushPendingWord(out: TextNormalizer): void {
  const word = out.pending;
  const len = word.length;
  word.length = 0;
  readEdgeLeet(word, len);
  let segmentStart = 0;
  let j = 0;
  while (j < len) {
    if (word.kind[j] !== FOLD_LEET_SYMBOL) { j++; continue; }
    let runEnd = j;
    while (runEnd < len && word.kind[runEnd] === FOLD_LEET_SYMBOL) runEnd++;
    const hasBefore = j > 0;
    const hasAfter = runEnd < len;
    const letterAfter = hasAfter && word.kind[runEnd] === FOLD_LETTER;
    for (let k = j; k < runEnd; k++) {
      const code = word.code[k]!;
      // '$' opens words ('$hit'); '@', '!' and '|' only count mid-word ('b!tch'), not as '@name' or
      // 'idiot!' (readEdgeLeet has already read the edge of a word like '!d!0t').
      const isLeet = code === DOLLAR ? hasBefore || letterAfter : hasBefore && hasAfter;
      if (isLeet) {
        word.code[k] = LEET_SYMBOL[code]!;
        word.kind[k] = FOLD_LETTER;
      } else {
        if (k > segmentStart) emitSegment(out, segmentStart, k);
        out.separatorsBefore++;
        segmentStart = k + 1;
      }
    }
    j = runEnd;
  }
  if (len > segmentStart) emitSegment(out, segmentStart, len);
}

/**
 * '!d!0t', 'r@nd!': leet symbols at a word's edge are letters when the word then spells a listed
 * word. Letters followed only by symbols ('rand!') stay a word and punctuation, as the plain-word
 * fast path reads them: only a word already in leetspeak takes its trailing symbols as letters.
 */
function readEdgeLeet(word: PendingWord, len: number): void {
  if (len < 3) return;
  let trailing = len;
  while (trailing > 0 && word.kind[trailing - 1] === FOLD_LEET_SYMBOL) trailing--;
  const leading = word.kind[0] === FOLD_LEET_SYMBOL;
  if (!leading && trailing === len) return;
  if (!leading) {
    let leet = false;
    for (let k = 0; k < trailing && !leet; k++) leet = word.kind[k] !== FOLD_LETTER;
    if (!leet) return;
  }
  if (!spellsListedWord(word.code, 0, len)) return;
  for (let k = 0; k < len; k++) {
    if (word.kind[k] !== FOLD_LEET_SYMBOL) continue;
    word.code[k] = LEET_SYMBOL[word.code[k]!]!;
    word.kind[k] = FOLD_LETTER;
  }
}

function emitSegment(out: TextNormalizer, from: number, to: number): void {
  const word = out.pending;
  let hasLetter = false;
  for (let k = from; k < to; k++) if (word.kind[k] === FOLD_LETTER) { hasLetter = true; break; }
  const separators = out.separatorsBefore;
  out.separatorsBefore = 0;
  if (to - from === 1 && hasLetter) {
    // 'i n d i a', 'i.n.d.i.a': single letters one separator apart are buffered and joined.
    if (out.singles.count > 0 && separators !== 1) flushSingleLetters(out);
    out.singles.push(word.code[from]!, word.start[from]!, word.end[from]!);
    return;
  }
  flushSingleLetters(out);
  out.beginWord();
  for (let k = from; k < to; k++) {
    let code = word.code[k]!;
    let isLetter = word.kind[k] === FOLD_LETTER;
    // Digits become letters only inside words that have letters: '1d10t' yes, '2015' and '5%' no.
    if (!isLetter && hasLetter && code < 128 && LEET_DIGIT[code] !== -1) {
      code = LEET_DIGIT[code]!;
      isLetter = true;
    }
    out.emitChar(code, isLetter, word.start[k]!, word.end[k]!);
  }
  out.endWord();
}

/** Three or more held single letters become one word ('india'); fewer stay separate words. */
export function flushSingleLetters(out: TextNormalizer): void {
  const singles = out.singles;
  const count = singles.count;
  if (count === 0) return;
  singles.count = 0;
  const joined = count >= 3;
  // 'a s l u t': a one-letter word before a spaced-out listed word stays apart. (Not after it:
  // 'b i t c h y' is an inflection more often than 'bitch' and a one-letter word.)
  if (count >= 4 && !isListedWord(singles.code, 0, count) && isListedWord(singles.code, 1, count)) {
    emitSingles(out, 0, 1);
    emitSingles(out, 1, count);
    return;
  }
  for (let k = 0; k < count; k++) {
    if (!joined || k === 0) out.beginWord();
    out.emitChar(singles.code[k]!, true, singles.start[k]!, singles.end[k]!);
    if (!joined || k === count - 1) out.endWord();
  }
}

/** Held single letters [from, to) as one word. */
function emitSingles(out: TextNormalizer, from: number, to: number): void {
  const singles = out.singles;
  out.beginWord();
  for (let k = from; k < to; k++) out.emitChar(singles.code[k]!, true, singles.start[k]!, singles.end[k]!);
  out.endWord();
}
