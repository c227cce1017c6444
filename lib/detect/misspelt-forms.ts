import type { TermMatcher } from "./term-matcher";
import { normalizeForMatching } from "./normalize";

/** One listed term as the normalizer spells it, with the ids a hit on it carries. */
export interface ListedForm {
  slot: number;
  /** Pattern and target ids in the term matcher: a hit on this form reads as the listed term. */
  pattern: number;
  target: number;
  /** Normalized, doubled letters kept ('kutte'); the core of a prefix term ('idiot*' → 'idiot'). */
  text: string;
  prefix: boolean;
}

/** Every term of the matcher as normalized text, in pattern order. */
export function listedForms(matcher: TermMatcher): ListedForm[] {
  const forms: ListedForm[] = [];
  matcher.targets.forEach((targets, pattern) => {
    targets.forEach((target, index) => {
      const core = target.prefix ? target.term.slice(0, -1) : target.term;
      const text = normalizeForMatching(core).text;
      if (text.length > 0) forms.push({ slot: target.slot, pattern, target: index, text, prefix: target.prefix });
    });
  });
  return forms;
}

/**
 * Symbols that stand for one hidden letter inside a word ('id*ot', 'b@st_rd'): none of them is
 * leetspeak for a letter ('@', '$', '!' and '|' are, char-fold.ts), and the normalizer splits a
 * word at each of them.
 */
export const MASK_CHARS = "*#_.-";
