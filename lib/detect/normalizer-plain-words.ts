// The normalizer's fast path: most comment text is ASCII words of plain letters between spaces
// and punctuation, which need none of the general path's folding, leetspeak or letter joining.
// Results must equal the general path's, offsets included (normalizer-fast-path.test.ts).
import {
  BMP_KIND, BMP_SEPARATORS_ONLY, BMP_UPPER, FOLD_LETTER, FOLD_MULTI, FOLD_SEPARATOR, FOLD_UNKNOWN, ensureBmpEntry, foldedCharsOf,
} from "./char-fold";
import { hashCodes } from "./normalizer-buffers";
import { flushSingleLetters } from "./normalizer-general-words";
import type { TextNormalizer } from "./normalizer-core";

const SPACE = 32;

/** 'A'-'Z' or 'a'-'z' exactly, without a table load. */
function isAsciiLetter(code: number): boolean {
  return ((code | 32) - 97) >>> 0 < 26;
}

/**
 * Reads plain words (ASCII letters only, 2+ of them, ended by a separator or by a char like
 * '…' that folds to separators only) from `start`, an ASCII letter, while only separators lie
 * between them (see nextPlainWordStart). Returns where the general loop resumes (after the last plain word, or at the start of
 * a word that is not plain), or -1 when not even the first word was plain. A word that turns
 * out not to be plain (digits, leet symbols, non-ASCII letters) is undone, never half-emitted.
 *
 * Why one loop over many words: per-word bookkeeping (growth checks, the joining space, word
 * counters) cost as much as the letters themselves when each word went back through the
 * general loop; here output indices and counters stay in locals until the run of words ends.
 */
export function readPlainWords(out: TextNormalizer, src: Uint16Array, n: number, start: number): number {
  if (start + 1 >= n || !isAsciiLetter(src[start + 1]!)) return -1;
  if (out.singles.count > 0) flushSingleLetters(out);
  // Room for the whole rest of the text (one code per char, plus the space before the first
  // word: later spaces come from the text), so no word below needs a growth check.
  if (out.length + n - start + 1 > out.codes.length) out.growOutput(out.length + n - start + 1);
  const { codes, originStart, originEnd } = out;
  let length = out.length;
  let letters = 0;
  let upper = 0;
  let at = start;
  let resume: number;
  for (;;) {
    const savedLength = length;
    const savedLongest = out.longestCharRun;
    const savedLongestStart = out.longestCharRunStart;
    if (length > 0) {
      // The joining space takes the previous char's origin, as beginWord does.
      codes[length] = SPACE;
      originStart[length] = originStart[length - 1]!;
      originEnd[length] = originEnd[length - 1]!;
      length++;
    }
    const wordStart = length;
    let hash = 0x811c9dc5;
    let last = -1;
    let run = 0;
    let wordUpper = 0;
    let end = at;
    for (; end < n; end++) {
      let code = src[end]!;
      if (!isAsciiLetter(code)) break;
      if (code <= 90) { wordUpper++; code += 32; }
      if (code === last) {
        // Runs are counted on lowercase letters, as this path always has (the general path
        // counts raw code units: see rawRunsOver).
        if (++run > out.longestCharRun) {
          out.longestCharRun = run;
          out.longestCharRunStart = end - run + 1;
        }
        // Same collapse as emitChar: a third identical letter removes the second copy.
        if (run >= 3) {
          if (run === 3) { length--; hash = hashCodes(codes, wordStart, length); }
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
    const ender = end < n ? wordEnderKind(src, n, end) : FOLD_SEPARATOR;
    if (ender === FOLD_UNKNOWN) {
      // Not a plain word after all: undo it, the general path reads it from the start.
      length = savedLength;
      out.longestCharRun = savedLongest;
      out.longestCharRunStart = savedLongestStart;
      resume = at === start ? -1 : at;
      break;
    }
    if (ender === FOLD_MULTI) {
      // '…' used to send the word to the general path, which counts runs on raw code units.
      out.longestCharRun = savedLongest;
      out.longestCharRunStart = savedLongestStart;
      rawRunsOver(out, src, at, end);
    }
    letters += end - at;
    upper += wordUpper;
    out.wordStartIndex = wordStart;
    out.endWordWithHash(hash | 0);
    out.separatorsBefore = 0;
    const next = end < n ? nextPlainWordStart(out, src, n, end) : -1;
    if (next < 0) {
      resume = end;
      break;
    }
    at = next;
  }
  out.length = length;
  out.letterCount += letters;
  out.upperCount += upper;
  return resume;
}

/**
 * Where the next word starts when only separators (' ', ', ', '. ', ' – ', '” '...) lie between
 * it and `end`, it starts with two ASCII letters, and the separators need nothing the general
 * loop does beyond counting them (no run of one punctuation char, which counts as a char run;
 * no capitals); else -1. On success, sets what the general loop would: the separator count
 * ('…' counts its three dots) and the link hint ('x.com').
 */
function nextPlainWordStart(out: TextNormalizer, src: Uint16Array, n: number, end: number): number {
  let at = end;
  let previous = -1;
  let separators = 0;
  for (; at < n; at++) {
    const code = src[at]!;
    if (code === previous && code > SPACE) return -1;
    previous = code;
    if (code < 128) {
      if (BMP_KIND[code] !== FOLD_SEPARATOR) break;
      if ((code === 46 || code === 58) && at + 1 < n && src[at + 1]! > 46) {
        const before = src[at - 1]!;
        if (before < 128 && BMP_KIND[before]! >= FOLD_LETTER) out.linkHint = true;
      }
      separators++;
      continue;
    }
    const kind = separatorKind(code);
    if (kind === FOLD_UNKNOWN || BMP_UPPER[code] === 1) return -1;
    separators += kind === FOLD_SEPARATOR ? 1 : foldedCharsOf(code).codes.length;
  }
  // (Two letters, as readPlainWords' first check wants: the buffer past n holds an older text.)
  if (at + 1 >= n || !isAsciiLetter(src[at]!) || !isAsciiLetter(src[at + 1]!)) return -1;
  out.separatorsBefore = separators;
  return at;
}

/**
 * What the chars after a plain ASCII word make of it: FOLD_SEPARATOR (a plain word),
 * FOLD_MULTI (a plain word ended by a char folding to separators only, like '…'), or
 * FOLD_UNKNOWN (not a plain word: digits, leet symbols, other letters, surrogates...).
 */
function wordEnderKind(src: Uint16Array, n: number, end: number): number {
  const next = src[end]!;
  if (next < 128) {
    if (BMP_KIND[next] === FOLD_SEPARATOR) return FOLD_SEPARATOR;
    return isTrailingPunctuation(src, n, end) ? FOLD_SEPARATOR : FOLD_UNKNOWN;
  }
  return separatorKind(next);
}

/** FOLD_SEPARATOR or FOLD_MULTI (folds to separators only) for a non-ASCII char, else FOLD_UNKNOWN. */
function separatorKind(code: number): number {
  if (code >= 0xd800 && code <= 0xdfff) return FOLD_UNKNOWN;
  const kind = BMP_KIND[code] === FOLD_UNKNOWN ? ensureBmpEntry(code) : BMP_KIND[code];
  if (kind === FOLD_SEPARATOR) return FOLD_SEPARATOR;
  return kind === FOLD_MULTI && BMP_SEPARATORS_ONLY[code] === 1 ? FOLD_MULTI : FOLD_UNKNOWN;
}

/**
 * 'idiot!', 'really?!': '!', '@' and '|' after a word and before a separator (or the end) are
 * punctuation, not leetspeak (that needs a char after them in the same word), so the word
 * before them is plain; the general loop then reads the symbols as separators. ('$' differs:
 * 'word$' reads as 'words'.)
 */
function isTrailingPunctuation(src: Uint16Array, n: number, end: number): boolean {
  let at = end;
  while (at < n && (src[at] === 33 || src[at] === 64 || src[at] === 124)) at++;
  if (at === end) return false;
  if (at === n) return true;
  const after = src[at]!;
  return after < 128 ? BMP_KIND[after] === FOLD_SEPARATOR : separatorKind(after) === FOLD_SEPARATOR;
}

/** Longest-run tracking over raw code units, as the general path does it for a word. */
function rawRunsOver(out: TextNormalizer, src: Uint16Array, start: number, end: number): void {
  let last = -1;
  let run = 0;
  for (let i = start; i < end; i++) {
    const raw = src[i]!;
    if (raw !== last) {
      last = raw;
      run = 1;
    } else if (++run > out.longestCharRun) {
      out.longestCharRun = run;
      out.longestCharRunStart = i - run + 1;
    }
  }
}
