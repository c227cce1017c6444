// The comment without its invisible format characters (zero-width space and joiners, soft hyphen,
// word joiner, bidi controls, BOM), for patterns that read the original text: 'कुत्ते' typed or
// pasted with a zero-width joiner inside is still the word, as the normalizer already treats it.
// Offsets map both ways, so spans still point into the original.

const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, "g");

export interface VisibleText {
  text: string;
  /** Original index of each visible char. */
  origin: Int32Array;
  /** For each original index (and the end), how many visible chars come before it. */
  visibleBefore: Int32Array;
}

/** Null when the text has no invisible character (almost always: nothing is allocated then). */
export function visibleText(body: string): VisibleText | null {
  if (!INVISIBLE.test(body)) return null;
  const text = body.replace(INVISIBLE_ALL, "");
  const origin = new Int32Array(text.length);
  const visibleBefore = new Int32Array(body.length + 1);
  let visible = 0;
  for (let i = 0; i < body.length; i++) {
    visibleBefore[i] = visible;
    if (!INVISIBLE.test(body[i]!)) origin[visible++] = i;
  }
  visibleBefore[body.length] = visible;
  return { text, origin, visibleBefore };
}

/** The original [start, end) of visible [start, end) (end > start). */
export function originalSpanOf(visible: VisibleText, start: number, end: number): [number, number] {
  return [visible.origin[start]!, visible.origin[end - 1]! + 1];
}
