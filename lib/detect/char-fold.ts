// Per-character folding tables for the normalizer. ASCII is precomputed; every other
// code point is folded once (NFKC, lowercase, marks stripped, homoglyphs) and cached,
// so the hot loop never calls String.prototype.normalize on comment text.

export const FOLD_UNKNOWN = 0;
export const FOLD_SEPARATOR = 1;
/** Default-ignorable / format characters: dropped without creating a word boundary. */
export const FOLD_REMOVE = 2;
export const FOLD_LETTER = 3;
export const FOLD_DIGIT = 4;
/** '@', '$', '!', '|': letters only when the surrounding word makes them leetspeak. */
export const FOLD_LEET_SYMBOL = 5;
/** The character folds to several characters (ligatures, 'ß', roman numerals...). */
export const FOLD_MULTI = 6;

export interface FoldedChars {
  codes: number[];
  kinds: number[];
}

/** UTS #39 confusables that matter for Latin-script abuse, after lowercasing. */
const HOMOGLYPHS: Record<string, string> = {
  // Cyrillic
  "а": "a", "в": "b", "е": "e", "ё": "e", "з": "3", "к": "k", "м": "m", "н": "h", "о": "o",
  "п": "n", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ь": "b", "і": "i", "ї": "i", "ј": "j",
  "ѕ": "s", "ԁ": "d", "ӏ": "l", "һ": "h", "ԛ": "q", "ԝ": "w", "ү": "y", "ғ": "f", "є": "e", "ɡ": "g",
  // Greek
  "α": "a", "β": "b", "γ": "y", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p",
  "τ": "t", "υ": "u", "χ": "x", "ω": "w", "μ": "u", "ϲ": "c", "ϳ": "j", "ς": "c",
  // Armenian and Latin look-alikes that NFD does not decompose
  "օ": "o", "ս": "u", "հ": "h", "ո": "n", "ց": "g", "ɑ": "a", "ı": "i", "ł": "l", "ø": "o",
  "đ": "d", "ħ": "h", "ŧ": "t", "ƅ": "b", "ɩ": "i", "ʋ": "u", "ɒ": "a",
};

/** Expansions that lowercasing alone does not perform (full case folding). */
const MULTI_FOLDS: Record<string, string> = { "ß": "ss", "æ": "ae", "œ": "oe", "ĳ": "ij" };

export const LEET_DIGIT: Int32Array = (() => {
  const table = new Int32Array(128).fill(-1);
  const pairs: [string, string][] = [["0", "o"], ["1", "i"], ["3", "e"], ["4", "a"], ["5", "s"], ["7", "t"], ["8", "b"], ["9", "g"]];
  for (const [digit, letter] of pairs) table[digit.charCodeAt(0)] = letter.charCodeAt(0);
  return table;
})();

export const LEET_SYMBOL: Int32Array = (() => {
  const table = new Int32Array(128).fill(-1);
  const pairs: [string, string][] = [["@", "a"], ["$", "s"], ["!", "i"], ["|", "l"]];
  for (const [symbol, letter] of pairs) table[symbol.charCodeAt(0)] = letter.charCodeAt(0);
  return table;
})();

/** BMP tables: kind and single folded code; bit 0 of UPPER marks uppercase letters. */
export const BMP_KIND = new Uint8Array(65536);
export const BMP_CODE = new Uint16Array(65536);
export const BMP_UPPER = new Uint8Array(65536);
/** 1 for a FOLD_MULTI char that folds to separators only ('…' → '...'): it ends a word. */
export const BMP_SEPARATORS_ONLY = new Uint8Array(65536);
const multiCache = new Map<number, FoldedChars>();

const IGNORABLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/u;
const MARK = /\p{M}/u;
const MARKS = /\p{M}/gu;
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

function classifyFoldedChar(ch: string): number {
  if (IGNORABLE.test(ch)) return FOLD_REMOVE;
  const code = ch.charCodeAt(0);
  if (code < 128 && LEET_SYMBOL[code] !== -1) return FOLD_LEET_SYMBOL;
  if (LETTER.test(ch)) return FOLD_LETTER;
  if (code >= 48 && code <= 57) return FOLD_DIGIT;
  // Non-ASCII decimal digits keep their meaning but never take part in leetspeak.
  if (DIGIT.test(ch)) return FOLD_LETTER;
  return FOLD_SEPARATOR;
}

/** Folds one code point into zero or more normalized characters. */
export function foldCodePoint(codePoint: number): FoldedChars {
  const original = String.fromCodePoint(codePoint);
  if (IGNORABLE.test(original) || MARK.test(original)) return { codes: [], kinds: [] };
  let folded = original.normalize("NFKC").toLowerCase();
  folded = MULTI_FOLDS[folded] ?? folded;
  folded = folded.normalize("NFD").replace(MARKS, "");
  const codes: number[] = [];
  const kinds: number[] = [];
  for (const ch of folded) {
    const mapped = HOMOGLYPHS[ch] ?? MULTI_FOLDS[ch] ?? ch;
    for (const out of mapped) {
      const kind = classifyFoldedChar(out);
      if (kind === FOLD_REMOVE) continue;
      // Astral results (rare: emoji, historic scripts) only act as separators.
      codes.push(out.length === 1 ? out.charCodeAt(0) : 32);
      kinds.push(out.length === 1 ? kind : FOLD_SEPARATOR);
    }
  }
  return { codes, kinds };
}

export function isUppercaseCodePoint(codePoint: number): boolean {
  const ch = String.fromCodePoint(codePoint);
  return ch !== ch.toLowerCase() && LETTER.test(ch);
}

/** Fills the BMP table entry for a code unit on first sight. */
export function ensureBmpEntry(code: number): number {
  const known = BMP_KIND[code]!;
  if (known !== FOLD_UNKNOWN) return known;
  let kind: number;
  if (code >= 0xd800 && code <= 0xdfff) {
    // Lone surrogate: cannot be folded, so it separates words.
    kind = FOLD_SEPARATOR;
  } else {
    const folded = foldCodePoint(code);
    if (folded.codes.length === 0) kind = FOLD_REMOVE;
    else if (folded.codes.length === 1) {
      kind = folded.kinds[0]!;
      BMP_CODE[code] = folded.codes[0]!;
    } else {
      kind = FOLD_MULTI;
      multiCache.set(code, folded);
      BMP_SEPARATORS_ONLY[code] = folded.kinds.every((foldedKind) => foldedKind === FOLD_SEPARATOR) ? 1 : 0;
    }
    BMP_UPPER[code] = isUppercaseCodePoint(code) ? 1 : 0;
  }
  BMP_KIND[code] = kind;
  return kind;
}

/** Cached fold of any code point that is not a single-character BMP fold. */
export function foldedCharsOf(codePoint: number): FoldedChars {
  let folded = multiCache.get(codePoint);
  if (folded === undefined) {
    folded = foldCodePoint(codePoint);
    multiCache.set(codePoint, folded);
  }
  return folded;
}

// ASCII is fixed: fill it eagerly so the common path never branches into the cache.
for (let code = 0; code < 128; code++) ensureBmpEntry(code);
