// to_tsvector('simple', body), computed by the loader for the bodies where PostgreSQL's default
// text-search parser is plain to predict: ASCII letters and digits separated by spaces and common
// punctuation. PostgreSQL's parser costs ~15 µs a comment (it works on wide characters, asking the
// locale about each one): three quarters of the database's time in a bulk import. The loader hands
// the vector to the INSERT in tsvector's text form, and the comment_search_vector trigger keeps a
// vector it was given (migration import_search_vector). Any other body (a letter outside ASCII, a
// hyphen, a dot or slash inside a word: hosts, URLs, e-mails, decimals, hyphenated words) gets null
// here, and the trigger tokenizes it as before. lib/import/search-vector.db.test.ts checks the two
// agree on generated and hand-picked text.

/** Longest token taken here; PostgreSQL drops words of 2048 bytes or more (with a notice). */
const MAX_TOKEN = 256;
/** A lexeme keeps at most 256 positions and positions stop at 16383: leave such bodies to PostgreSQL. */
const MAX_TOKENS_WITHOUT_COUNTING = 255;
const MAX_TOKENS = 16_000;

const DOT = 46;

const enum CharClass {
  Other = 0,
  Letter = 1,
  Digit = 2,
  /** Space: never part of a token. */
  Space = 3,
  /** Punctuation that ends a token, provided no letter or digit follows it at once. */
  Stop = 4,
  /** Opening punctuation: may stand before a word, not inside one. */
  Opener = 5,
}

const ASCII_CLASS = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const char = String.fromCharCode(code);
  if (/[a-zA-Z]/.test(char)) ASCII_CLASS[code] = CharClass.Letter;
  else if (/[0-9]/.test(char)) ASCII_CLASS[code] = CharClass.Digit;
  // An apostrophe splits a word in two for the parser ("don't": don, t), like a space.
  else if (" \t\n\r'".includes(char)) ASCII_CLASS[code] = CharClass.Space;
  else if (`,.!?;:)%`.includes(char)) ASCII_CLASS[code] = CharClass.Stop;
  else if (`("`.includes(char)) ASCII_CLASS[code] = CharClass.Opener;
}

// Typographic punctuation: neither a letter, a digit nor a space in any locale, so a word boundary
// in the parser whatever follows (’ “ ” ‘ … – —).
const TYPOGRAPHIC = new Set([0x2019, 0x2018, 0x201c, 0x201d, 0x2026, 0x2013, 0x2014]);

function classOf(code: number): CharClass {
  if (code < 128) return ASCII_CLASS[code] as CharClass;
  return TYPOGRAPHIC.has(code) ? CharClass.Space : CharClass.Other;
}

/** Where simpleSearchVector writes: tokens are ASCII, so one byte a character. Grown as needed, never shrunk. */
let scratch = Buffer.allocUnsafe(1 << 16);
const COLON = 58;
const SPACE = 32;

/** Bytes writeSimpleSearchVector may need for a body: a byte per character plus ":<position> " (up to 7 bytes) per token. */
export function searchVectorBytesFor(body: string): number {
  return body.length * 8 + 16;
}

/**
 * The text form of to_tsvector('simple', body) ("'word':1,4 'other':2" style, one `word:position`
 * per token: tsvector's input merges repeats), or null when this body is left to PostgreSQL.
 */
export function simpleSearchVector(body: string): string | null {
  if (scratch.length < searchVectorBytesFor(body)) scratch = Buffer.allocUnsafe(searchVectorBytesFor(body));
  const end = writeSimpleSearchVector(body, scratch, 0);
  return end < 0 ? null : scratch.toString("latin1", 0, end);
}

/**
 * simpleSearchVector's text written into `out` from `at` (searchVectorBytesFor(body) bytes must be
 * free there): the end of what was written, or -1 when the body is left to PostgreSQL. Byte by byte:
 * slicing, lower-casing and joining strings per token cost three times as much, and the COPY writer
 * (copy-text-writer.ts) takes the bytes as they are, with no string in between (docs/loading.md, "Speed").
 */
export function writeSimpleSearchVector(body: string, out: Buffer, at: number): number {
  const length = body.length;
  let written = at;
  let position = 0;
  let start = -1;
  for (let index = 0; index <= length; index++) {
    const code = index < length ? body.charCodeAt(index) : 32;
    const kind = classOf(code);
    if (kind === CharClass.Letter || kind === CharClass.Digit) {
      if (start < 0) start = index;
      // A-Z to a-z; the rest of a token is ASCII letters and digits, written as they are.
      out[written++] = code <= 90 && code >= 65 ? code | 0x20 : code;
      continue;
    }
    if (kind === CharClass.Other) return -1;
    if ((kind === CharClass.Stop || (kind === CharClass.Opener && start >= 0)) && index + 1 < length) {
      const next = classOf(body.charCodeAt(index + 1));
      if (next === CharClass.Letter || next === CharClass.Digit) return -1;
      // After a number a dot may begin a decimal or a version ("9.." is read as 9 and '..').
      if (next !== CharClass.Space && code === DOT && index > 0 && classOf(body.charCodeAt(index - 1)) === CharClass.Digit) return -1;
    }
    // ".." is a token of its own (a path); a sentence's "..." is not.
    if (code === DOT && index + 1 < length && body.charCodeAt(index + 1) === DOT && (index === 0 || body.charCodeAt(index - 1) !== DOT)) {
      let end = index;
      while (end < length && body.charCodeAt(end) === DOT) end++;
      if (end - index !== 3) return -1;
    }
    if (start >= 0) {
      if (index - start > MAX_TOKEN || position > MAX_TOKENS) return -1;
      if (startsAsScientificNotation(body, start, index)) return -1;
      position += 1;
      out[written++] = COLON;
      written = writeDecimal(out, written, position);
      out[written++] = SPACE;
      start = -1;
    }
  }
  if (written > at) written -= 1; // the last token's separator
  if (position > MAX_TOKENS_WITHOUT_COUNTING && (position > MAX_TOKENS || hasWordRepeatedTooOften(out.toString("latin1", at, written)))) return -1;
  return written;
}

function writeDecimal(out: Buffer, at: number, value: number): number {
  if (value >= 10) at = writeDecimal(out, at, Math.floor(value / 10));
  out[at] = ZERO + (value % 10);
  return at + 1;
}

const ZERO = 48;
const NINE = 57;
const isDigitCode = (code: number) => code >= ZERO && code <= NINE;

/**
 * Digits, then e or E, then a digit ("2e829e79", "1e5", "3e4a"): the parser reads the start as a
 * number in scientific notation and the rest as another token ('2e829', 'e79'), so such a body is
 * left to PostgreSQL. A token that starts with a letter ("x2e5") is one word for it, as here.
 */
function startsAsScientificNotation(body: string, start: number, end: number): boolean {
  let index = start;
  while (index < end && isDigitCode(body.charCodeAt(index))) index++;
  if (index === start || index + 1 >= end) return false;
  const marker = body.charCodeAt(index);
  return (marker === 101 || marker === 69) && isDigitCode(body.charCodeAt(index + 1));
}

function hasWordRepeatedTooOften(vector: string): boolean {
  const counts = new Map<string, number>();
  for (const entry of vector.split(" ")) {
    const word = entry.slice(0, entry.lastIndexOf(":"));
    const count = (counts.get(word) ?? 0) + 1;
    if (count > MAX_TOKENS_WITHOUT_COUNTING) return true;
    counts.set(word, count);
  }
  return false;
}
