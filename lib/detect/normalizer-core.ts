import { BMP_CODE, BMP_KIND, BMP_UPPER, FOLD_LETTER, FOLD_MULTI, FOLD_REMOVE, FOLD_SEPARATOR, FOLD_UNKNOWN, ensureBmpEntry, foldedCharsOf } from "./char-fold";
import { SourceCodeUnits, grownInt32, grownUint16, hasNativeCopy, hashCodes } from "./normalizer-buffers";
import { PendingWord, SingleLetters, flushPendingWord, flushSingleLetters } from "./normalizer-general-words";
import { readPlainWords } from "./normalizer-plain-words";

const SPACE = 32;

/**
 * Single-pass normalizer over char codes with reusable typed buffers (the hot path allocates
 * nothing per comment). Output: lowercase words separated by single spaces, each output char
 * carrying the [start, end) of the original code units it came from. Not re-entrant: one
 * instance per caller that needs its result to survive another run.
 *
 * The work is shared by three modules: this loop (char kinds, runs, link hint), the plain
 * ASCII word fast path (normalizer-plain-words) and the general word path with leetspeak and
 * joined single letters (normalizer-general-words). Fields below the output are their shared
 * working state, public only for them.
 */
export class TextNormalizer {
  codes: Uint16Array = new Uint16Array(1024);
  originStart: Int32Array = new Int32Array(1024);
  originEnd: Int32Array = new Int32Array(1024);
  length = 0;
  wordStarts: Int32Array = new Int32Array(256);
  wordHashes: Int32Array = new Int32Array(256);
  wordCount = 0;
  letterCount = 0;
  upperCount = 0;
  longestCharRun = 0;
  longestCharRunStart = 0;
  /** Set when the text has something URL-like ("x.com", "://"), so LINKS can skip clean text. */
  linkHint = false;
  /**
   * Test hooks: false sends plain words through the general path (same results except that
   * runs inside a plain word are counted case-insensitively), and copies the text with a
   * charCodeAt loop as browsers do.
   */
  plainWords = true;
  nativeCopy = hasNativeCopy;

  /** Word-path state: the general path's buffered word and held single letters. */
  readonly pending = new PendingWord();
  readonly singles = new SingleLetters();
  /** Separators seen since the last emitted word (1 lets single letters join). */
  separatorsBefore = 0;
  /** Output index where the current word starts. */
  wordStartIndex = 0;
  private runCode = -1;
  private runLength = 0;
  private readonly source = new SourceCodeUnits();

  run(text: string): void {
    const src = this.source.load(text, this.nativeCopy);
    this.length = 0;
    this.wordCount = 0;
    this.letterCount = 0;
    this.upperCount = 0;
    this.longestCharRun = 0;
    this.longestCharRunStart = 0;
    this.linkHint = false;
    this.pending.length = 0;
    this.singles.count = 0;
    this.separatorsBefore = 0;
    const pending = this.pending;
    const n = text.length;
    let previous = -1;
    let runLength = 0;
    for (let i = 0; i < n; ) {
      const code = src[i]!;
      if (code === previous) {
        if (++runLength > this.longestCharRun && code > SPACE) {
          this.longestCharRun = runLength;
          this.longestCharRunStart = i - runLength + 1;
        }
      } else {
        previous = code;
        runLength = 1;
      }
      if (code < 128) {
        const kind = BMP_KIND[code]!;
        if (kind === FOLD_LETTER && pending.length === 0 && this.plainWords) {
          const end = readPlainWords(this, src, n, i);
          if (end > 0) {
            previous = src[end - 1]!;
            runLength = 1;
            i = end;
            continue;
          }
        }
        if (kind === FOLD_SEPARATOR) {
          if ((code === 46 || code === 58) && i > 0 && i + 1 < n && src[i + 1]! > 46) {
            const before = src[i - 1]!;
            if (before < 128 && BMP_KIND[before]! >= FOLD_LETTER) this.linkHint = true;
          }
          if (pending.length > 0) flushPendingWord(this);
          this.separatorsBefore++;
        } else {
          if (kind === FOLD_LETTER) {
            this.letterCount++;
            if (code <= 90) this.upperCount++;
          }
          pending.push(BMP_CODE[code]!, kind, i, i + 1);
        }
        i++;
        continue;
      }
      let codePoint = code;
      let units = 1;
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
        const low = src[i + 1]!;
        if (low >= 0xdc00 && low <= 0xdfff) {
          codePoint = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          units = 2;
        }
      }
      this.pushNonAscii(codePoint, code, i, i + units);
      i += units;
    }
    if (pending.length > 0) flushPendingWord(this);
    flushSingleLetters(this);
  }

  private pushNonAscii(codePoint: number, code: number, start: number, end: number): void {
    const pending = this.pending;
    let kind: number = FOLD_MULTI;
    if (codePoint === code) {
      kind = BMP_KIND[code]!;
      if (kind === FOLD_UNKNOWN) kind = ensureBmpEntry(code);
      if (BMP_UPPER[code] === 1) this.upperCount++;
    }
    if (kind === FOLD_SEPARATOR) {
      if (pending.length > 0) flushPendingWord(this);
      this.separatorsBefore++;
    } else if (kind === FOLD_REMOVE) {
      // Invisible characters must not split 'id\u200Biot'; the previous char absorbs them.
      if (pending.length > 0) pending.end[pending.length - 1] = end;
    } else if (kind !== FOLD_MULTI) {
      if (kind === FOLD_LETTER) this.letterCount++;
      pending.push(BMP_CODE[code]!, kind, start, end);
    } else {
      const folded = foldedCharsOf(codePoint);
      if (folded.codes.length === 0 && pending.length > 0) pending.end[pending.length - 1] = end;
      for (let k = 0; k < folded.codes.length; k++) {
        const foldedKind = folded.kinds[k]!;
        if (foldedKind === FOLD_SEPARATOR) {
          if (pending.length > 0) flushPendingWord(this);
          this.separatorsBefore++;
        } else {
          if (foldedKind === FOLD_LETTER) this.letterCount++;
          pending.push(folded.codes[k]!, foldedKind, start, end);
        }
      }
    }
  }

  beginWord(): void {
    if (this.length > 0) {
      // A folded char can yield two words ('㎮' → 'rad s'): the space reuses the previous origin.
      const last = this.length - 1;
      this.appendRaw(SPACE, this.originStart[last]!, this.originEnd[last]!);
    }
    this.wordStartIndex = this.length;
    this.runCode = -1;
    this.runLength = 0;
  }

  endWord(): void {
    this.endWordWithHash(hashCodes(this.codes, this.wordStartIndex, this.length));
  }

  endWordWithHash(hash: number): void {
    if (this.wordCount === this.wordStarts.length) {
      this.wordStarts = grownInt32(this.wordStarts, 0);
      this.wordHashes = grownInt32(this.wordHashes, 0);
    }
    this.wordStarts[this.wordCount] = this.wordStartIndex;
    this.wordHashes[this.wordCount] = hash;
    this.wordCount++;
  }

  /** Runs of 3+ identical letters become one letter whose origin covers the whole run. */
  emitChar(code: number, isLetter: boolean, start: number, end: number): void {
    if (isLetter && code === this.runCode) {
      this.runLength++;
      if (this.runLength >= 3) {
        if (this.runLength === 3) this.length--;
        this.originEnd[this.length - 1] = end;
        return;
      }
    } else {
      this.runCode = isLetter ? code : -1;
      this.runLength = 1;
    }
    this.appendRaw(code, start, end);
  }

  growOutput(minLength: number): void {
    this.codes = grownUint16(this.codes, minLength);
    this.originStart = grownInt32(this.originStart, minLength);
    this.originEnd = grownInt32(this.originEnd, minLength);
  }

  private appendRaw(code: number, start: number, end: number): void {
    if (this.length === this.codes.length) this.growOutput(0);
    this.codes[this.length] = code;
    this.originStart[this.length] = start;
    this.originEnd[this.length] = end;
    this.length++;
  }

  textOf(from = 0, to = this.length): string {
    // apply() takes the typed array as it is (copying it into an Array first cost as much as
    // the regex rules that ask for the text); chunks keep the argument count bounded.
    let text = "";
    for (let k = from; k < to; k += 8192) {
      text += String.fromCharCode.apply(null, this.codes.subarray(k, Math.min(to, k + 8192)) as unknown as number[]);
    }
    return text;
  }
}
