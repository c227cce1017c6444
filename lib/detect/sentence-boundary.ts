// Sentence boundaries in the ORIGINAL text. Normalization turns punctuation into spaces, so rules
// that relate two places in a comment (NEAR, REGEX) ask here whether a sentence ends between them:
// "… in Pakistan. Dirty tricks …" must not read as "dirty Pakistan".

/**
 * A line break; '!', '?', '…' or '।' (Devanagari danda); a '.' that ends a sentence: followed by
 * space, another '.', the end, or, after a small letter, a capital glued on ('country.Pakistan', a
 * common typing habit). A '.' inside an abbreviation or number ('U.S.A', '5.5') is not a boundary.
 */
const BOUNDARY = /[\n\r!?…।]|\.(?=\s|\.|$)|\p{Ll}\.(?=\p{Lu})/u;
const BOUNDARIES = new RegExp(BOUNDARY.source, "gu");

/** Whether a sentence ends in original text [from, to). */
export function crossesSentenceBoundary(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  return BOUNDARY.test(text.slice(from, to));
}

/** Start offset of the sentence containing `at` (just after the previous boundary, or 0). */
export function sentenceStartBefore(text: string, at: number, lookBack = 200): number {
  const from = Math.max(0, at - lookBack);
  const window = text.slice(from, at);
  let start = from;
  // One shared global regex (a new one per call cost an allocation each time): exec always runs to null, which resets lastIndex.
  const global = BOUNDARIES;
  global.lastIndex = 0;
  for (let match = global.exec(window); match !== null; match = global.exec(window)) start = from + match.index + match[0].length;
  return start;
}

/** End offset of the sentence containing `at` (where the next boundary starts, or the text's end). */
export function sentenceEndAfter(text: string, at: number, lookAhead = 200): number {
  const to = Math.min(text.length, at + lookAhead);
  const match = BOUNDARY.exec(text.slice(at, to));
  return match === null ? to : at + match.index;
}
