import {
  BMP_CODE, BMP_KIND, BMP_SEPARATORS_ONLY, BMP_UPPER, FOLD_LEET_SYMBOL, FOLD_LETTER, FOLD_MULTI, FOLD_REMOVE,
  FOLD_SEPARATOR, FOLD_UNKNOWN, LEET_DIGIT, LEET_SYMBOL, ensureBmpEntry, foldedCharsOf,
} from "./char-fold";

const SPACE = 32;
const DOLLAR = 36;

/** FNV-1a over UTF-16 codes: word identity for repetition and off-topic without building strings. */
export function hashCodes(codes: ArrayLike<number>, from: number, to: number): number {
  let hash = 0x811c9dc5;
  for (let k = from; k < to; k++) hash = Math.imul(hash ^ codes[k]!, 0x01000193);
  return hash | 0;
}

function grownInt32(array: Int32Array, minLength: number): Int32Array {
  const next = new Int32Array(Math.max(minLength, array.length * 2));
  next.set(array);
  return next;
}

function grownUint16(array: Uint16Array, minLength: number): Uint16Array {
  const next = new Uint16Array(Math.max(minLength, array.length * 2));
  next.set(array);
  return next;
}

// Node's Buffer copies a string's code units natively; browsers (the rule test bench) use a loop.
// (Only on little-endian hosts, where UTF-16LE bytes are the Uint16Array's own layout.)
const NodeBuffer = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1
  ? (globalThis as { Buffer?: { from(buffer: ArrayBuffer): { write(text: string, offset: number, encoding: "utf16le"): number } } }).Buffer
  : undefined;

/**
 * What the char after a plain ASCII word makes of it: FOLD_SEPARATOR (a plain word),
 * FOLD_MULTI (a plain word ended by a char folding to separators only, like '…'), or
 * FOLD_UNKNOWN (not a plain word: digits, leet symbols, other letters, surrogates...).
 */
function wordEnderKind(next: number): number {
  if (next < 128) return BMP_KIND[next] === FOLD_SEPARATOR ? FOLD_SEPARATOR : FOLD_UNKNOWN;
  if (next >= 0xd800 && next <= 0xdfff) return FOLD_UNKNOWN;
  const kind = BMP_KIND[next] === FOLD_UNKNOWN ? ensureBmpEntry(next) : BMP_KIND[next];
  if (kind === FOLD_SEPARATOR) return FOLD_SEPARATOR;
  return kind === FOLD_MULTI && BMP_SEPARATORS_ONLY[next] === 1 ? FOLD_MULTI : FOLD_UNKNOWN;
}

/**
 * Single-pass normalizer over char codes with reusable typed buffers (the hot path allocates
 * nothing per comment). Output: lowercase words separated by single spaces, each output char
 * carrying the [start, end) of the original code units it came from. Not re-entrant: one
 * instance per caller that needs its result to survive another run.
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

  private wCode: Uint16Array = new Uint16Array(64);
  private wKind: Uint8Array = new Uint8Array(64);
  private wStart: Int32Array = new Int32Array(64);
  private wEnd: Int32Array = new Int32Array(64);
  private wLen = 0;
  private separatorsBefore = 0;
  private sCode: Uint16Array = new Uint16Array(16);
  private sStart: Int32Array = new Int32Array(16);
  private sEnd: Int32Array = new Int32Array(16);
  private sCount = 0;
  private runCode = -1;
  private runLength = 0;
  private wordStartIndex = 0;
  /**
   * Test hooks: false sends plain words through the general path (same results except that
   * runs inside a plain word are counted case-insensitively), and copies the text with a
   * charCodeAt loop as browsers do.
   */
  plainWords = true;
  nativeCopy = NodeBuffer !== undefined;

  run(text: string): void {
    const src = this.load(text);
    this.length = 0;
    this.wordCount = 0;
    this.letterCount = 0;
    this.upperCount = 0;
    this.longestCharRun = 0;
    this.longestCharRunStart = 0;
    this.linkHint = false;
    this.wLen = 0;
    this.sCount = 0;
    this.separatorsBefore = 0;
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
        if (kind === FOLD_LETTER && this.wLen === 0 && this.plainWords) {
          const end = this.plainWord(src, n, i);
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
          if (this.wLen > 0) this.flushWord();
          this.separatorsBefore++;
        } else {
          if (kind === FOLD_LETTER) {
            this.letterCount++;
            if (code <= 90) this.upperCount++;
          }
          this.pushWordChar(BMP_CODE[code]!, kind, i, i + 1);
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
    if (this.wLen > 0) this.flushWord();
    this.flushSingles();
  }

  /**
   * Fast path for the common case, an ASCII-letters-only word of 2+ letters followed by a
   * separator (or a char like '…' that folds to separators only), emitted in the same pass
   * that finds its end: returns the end, or -1 having emitted nothing when the word needs the
   * general path (digits, leet symbols, non-ASCII letters, a single letter).
   */
  private plainWord(src: Uint16Array, n: number, start: number): number {
    if (start + 1 >= n || ((src[start + 1]! | 32) - 97) >>> 0 >= 26) return -1;
    if (this.sCount > 0) this.flushSingles();
    if (this.length + n - start + 1 > this.codes.length) this.growOutput(this.length + n - start + 1);
    const savedLength = this.length;
    const savedLongest = this.longestCharRun;
    const savedLongestStart = this.longestCharRunStart;
    this.beginWord();
    const { codes, originStart, originEnd } = this;
    let length = this.length;
    let hash = 0x811c9dc5;
    let last = -1;
    let run = 0;
    let upper = 0;
    let end = start;
    for (; end < n; end++) {
      let code = src[end]!;
      // ASCII letters exactly ('A'-'Z', 'a'-'z'), without a table load.
      if (((code | 32) - 97) >>> 0 >= 26) break;
      if (code <= 90) { upper++; code += 32; }
      if (code === last) {
        // Runs are counted on lowercase letters, as this path always has (the general path
        // counts raw code units: see rawRunsOver).
        if (++run > this.longestCharRun) {
          this.longestCharRun = run;
          this.longestCharRunStart = end - run + 1;
        }
        // Same collapse as emitChar: a third identical letter removes the second copy.
        if (run >= 3) {
          if (run === 3) { length--; hash = this.hashBack(codes, length); }
          originEnd[length - 1] = end + 1;
          continue;
        }
      } else {
        last = code;
        run = 1;
      }
      codes[length] = code;
      originStart[length] = end;
      originEnd[length] = end + 1;
      length++;
      hash = Math.imul(hash ^ code, 0x01000193);
    }
    const ender = end < n ? wordEnderKind(src[end]!) : FOLD_SEPARATOR;
    if (ender === FOLD_UNKNOWN) {
      // Not a plain word after all: undo, the general path reads it from the start.
      this.length = savedLength;
      this.longestCharRun = savedLongest;
      this.longestCharRunStart = savedLongestStart;
      return -1;
    }
    this.separatorsBefore = 0;
    if (ender === FOLD_MULTI) {
      // '…' used to send the word to the general path, which counts runs on raw code units.
      this.longestCharRun = savedLongest;
      this.longestCharRunStart = savedLongestStart;
      this.rawRunsOver(src, start, end);
    }
    this.length = length;
    this.letterCount += end - start;
    this.upperCount += upper;
    this.endWordWithHash(hash | 0);
    return end;
  }

  /** Longest-run tracking over raw code units, as the general path does it for a word. */
  private rawRunsOver(src: Uint16Array, start: number, end: number): void {
    let last = -1;
    let run = 0;
    for (let i = start; i < end; i++) {
      const raw = src[i]!;
      if (raw !== last) {
        last = raw;
        run = 1;
      } else if (++run > this.longestCharRun) {
        this.longestCharRun = run;
        this.longestCharRunStart = i - run + 1;
      }
    }
  }

  /** Rare (a collapsed run): recompute the word hash up to `length`. */
  private hashBack(codes: Uint16Array, length: number): number {
    return hashCodes(codes, this.wordStartIndex, length);
  }

  private pushNonAscii(codePoint: number, code: number, start: number, end: number): void {
    let kind: number = FOLD_MULTI;
    if (codePoint === code) {
      kind = BMP_KIND[code]!;
      if (kind === FOLD_UNKNOWN) kind = ensureBmpEntry(code);
      if (BMP_UPPER[code] === 1) this.upperCount++;
    }
    if (kind === FOLD_SEPARATOR) {
      if (this.wLen > 0) this.flushWord();
      this.separatorsBefore++;
    } else if (kind === FOLD_REMOVE) {
      // Invisible characters must not split 'id\u200Biot'; the previous char absorbs them.
      if (this.wLen > 0) this.wEnd[this.wLen - 1] = end;
    } else if (kind !== FOLD_MULTI) {
      if (kind === FOLD_LETTER) this.letterCount++;
      this.pushWordChar(BMP_CODE[code]!, kind, start, end);
    } else {
      const folded = foldedCharsOf(codePoint);
      if (folded.codes.length === 0 && this.wLen > 0) this.wEnd[this.wLen - 1] = end;
      for (let k = 0; k < folded.codes.length; k++) {
        const foldedKind = folded.kinds[k]!;
        if (foldedKind === FOLD_SEPARATOR) {
          if (this.wLen > 0) this.flushWord();
          this.separatorsBefore++;
        } else {
          if (foldedKind === FOLD_LETTER) this.letterCount++;
          this.pushWordChar(folded.codes[k]!, foldedKind, start, end);
        }
      }
    }
  }

  private pushWordChar(code: number, kind: number, start: number, end: number): void {
    if (this.wLen === this.wCode.length) this.growWordBuffer();
    const at = this.wLen++;
    this.wCode[at] = code;
    this.wKind[at] = kind;
    this.wStart[at] = start;
    this.wEnd[at] = end;
  }

  private growWordBuffer(): void {
    const size = this.wCode.length * 2;
    const code = new Uint16Array(size); code.set(this.wCode); this.wCode = code;
    const kind = new Uint8Array(size); kind.set(this.wKind); this.wKind = kind;
    this.wStart = grownInt32(this.wStart, size);
    this.wEnd = grownInt32(this.wEnd, size);
  }

  /** Splits the buffered word where symbols are punctuation rather than leetspeak. */
  private flushWord(): void {
    const len = this.wLen;
    this.wLen = 0;
    let segmentStart = 0;
    let j = 0;
    while (j < len) {
      if (this.wKind[j] !== FOLD_LEET_SYMBOL) { j++; continue; }
      let runEnd = j;
      while (runEnd < len && this.wKind[runEnd] === FOLD_LEET_SYMBOL) runEnd++;
      const hasBefore = j > 0;
      const hasAfter = runEnd < len;
      const letterAfter = hasAfter && this.wKind[runEnd] === FOLD_LETTER;
      for (let k = j; k < runEnd; k++) {
        const code = this.wCode[k]!;
        // '$' opens words ('$hit'); '@', '!' and '|' only count mid-word ('b!tch'), not as '@name' or 'idiot!'.
        const isLeet = code === DOLLAR ? hasBefore || letterAfter : hasBefore && hasAfter;
        if (isLeet) {
          this.wCode[k] = LEET_SYMBOL[code]!;
          this.wKind[k] = FOLD_LETTER;
        } else {
          if (k > segmentStart) this.emitSegment(segmentStart, k);
          this.separatorsBefore++;
          segmentStart = k + 1;
        }
      }
      j = runEnd;
    }
    if (len > segmentStart) this.emitSegment(segmentStart, len);
  }

  private emitSegment(from: number, to: number): void {
    let hasLetter = false;
    for (let k = from; k < to; k++) if (this.wKind[k] === FOLD_LETTER) { hasLetter = true; break; }
    const separators = this.separatorsBefore;
    this.separatorsBefore = 0;
    if (to - from === 1 && hasLetter) {
      // 'i n d i a', 'i.n.d.i.a': single letters one separator apart are buffered and joined.
      if (this.sCount > 0 && separators !== 1) this.flushSingles();
      this.pushSingle(this.wCode[from]!, this.wStart[from]!, this.wEnd[from]!);
      return;
    }
    this.flushSingles();
    this.beginWord();
    for (let k = from; k < to; k++) {
      let code = this.wCode[k]!;
      let isLetter = this.wKind[k] === FOLD_LETTER;
      // Digits become letters only inside words that have letters: '1d10t' yes, '2015' and '5%' no.
      if (!isLetter && hasLetter && code < 128 && LEET_DIGIT[code] !== -1) {
        code = LEET_DIGIT[code]!;
        isLetter = true;
      }
      this.emitChar(code, isLetter, this.wStart[k]!, this.wEnd[k]!);
    }
    this.endWord();
  }

  private pushSingle(code: number, start: number, end: number): void {
    if (this.sCount === this.sCode.length) {
      this.sCode = grownUint16(this.sCode, 0);
      this.sStart = grownInt32(this.sStart, 0);
      this.sEnd = grownInt32(this.sEnd, 0);
    }
    this.sCode[this.sCount] = code;
    this.sStart[this.sCount] = start;
    this.sEnd[this.sCount] = end;
    this.sCount++;
  }

  private flushSingles(): void {
    const count = this.sCount;
    if (count === 0) return;
    this.sCount = 0;
    const joined = count >= 3;
    for (let k = 0; k < count; k++) {
      if (!joined || k === 0) this.beginWord();
      this.emitChar(this.sCode[k]!, true, this.sStart[k]!, this.sEnd[k]!);
      if (!joined || k === count - 1) this.endWord();
    }
  }

  private beginWord(): void {
    if (this.length > 0) {
      // A folded char can yield two words ('㎮' → 'rad s'): the space reuses the previous origin.
      const last = this.length - 1;
      this.appendRaw(SPACE, this.originStart[last]!, this.originEnd[last]!);
    }
    this.wordStartIndex = this.length;
    this.runCode = -1;
    this.runLength = 0;
  }

  private endWord(): void {
    this.endWordWithHash(hashCodes(this.codes, this.wordStartIndex, this.length));
  }

  private endWordWithHash(hash: number): void {
    if (this.wordCount === this.wordStarts.length) {
      this.wordStarts = grownInt32(this.wordStarts, 0);
      this.wordHashes = grownInt32(this.wordHashes, 0);
    }
    this.wordStarts[this.wordCount] = this.wordStartIndex;
    this.wordHashes[this.wordCount] = hash;
    this.wordCount++;
  }

  /** Runs of 3+ identical letters become one letter whose origin covers the whole run. */
  private emitChar(code: number, isLetter: boolean, start: number, end: number): void {
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

  private growOutput(minLength: number): void {
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

  private source = new Uint16Array(1024);
  private sourceBytes: { write(text: string, offset: number, encoding: "utf16le"): number } | null = null;

  /** The text's UTF-16 code units in a reused typed array: the hot loops index it, not the string. */
  private load(text: string): Uint16Array {
    if (text.length > this.source.length) {
      this.source = new Uint16Array(Math.max(text.length, this.source.length * 2));
      this.sourceBytes = null;
    }
    if (this.nativeCopy && NodeBuffer !== undefined) {
      this.sourceBytes ??= NodeBuffer.from(this.source.buffer);
      this.sourceBytes.write(text, 0, "utf16le");
    } else {
      for (let k = 0; k < text.length; k++) this.source[k] = text.charCodeAt(k);
    }
    return this.source;
  }

  textOf(from = 0, to = this.length): string {
    let text = "";
    for (let k = from; k < to; k += 8192) {
      text += String.fromCharCode.apply(null, Array.from(this.codes.subarray(k, Math.min(to, k + 8192))));
    }
    return text;
  }
}
