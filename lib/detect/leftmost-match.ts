import { RE2JS } from "re2js";
import type { Span } from "./types";

/** Start positions one block probe covers. */
const BLOCK = 16;
const UNANCHORED = 0;
const SURROGATE = /[\uD800-\uDFFF]/;

interface Probes {
  /** `^(?:P)`: a match of P starts at 0. */
  atStart: RE2JS;
  /** `^(?s:.)(?:P)` on text.slice(p - 1): a match of P starts at p, with the char before p as context. */
  afterChar: RE2JS;
  /** `^(?s:.){1,16}(?:P)` on text.slice(p - 1): a match of P starts at one of p … p + 15. */
  inBlock: RE2JS;
}

/**
 * The matches of a pattern, leftmost-first, exactly as RE2's Matcher.find() reports them, for
 * less. find() runs RE2's NFA unanchored, which adds every thread of the pattern at every
 * position: on the default pack's alternations of hundreds of words, ~1 µs per character, the
 * single most expensive thing a flagged comment cost. Here RE2's DFA (fast, no positions) finds
 * where the leftmost match starts, by probes anchored one position (or a block of 16) at a time,
 * and only then does the NFA run, anchored there, to find where that match ends.
 *
 * Why the probes are exact: the leftmost-first match starts at the smallest position where some
 * match starts, and from there ends where an anchored search ends. A probe reads the text from the
 * char before the position on, and consumes that char first with `(?s:.)`, so `\b`, `\B` and
 * `(?m)^` see the same context as in the whole text, and `^` (outside P) keeps P's own `^` or `\A`
 * from matching anywhere but at 0. Texts with surrogates (where positions are not code points one
 * for one) and patterns the wrapping could change (`\Q` quotes to the end) use find() itself.
 */
export class LeftmostMatches {
  private probes: Probes | null | undefined;

  constructor(
    private readonly pattern: RE2JS,
    private readonly source: string,
    private readonly caseInsensitive: boolean,
  ) {}

  /**
   * The leftmost-first match at or after `from` (where Matcher.find() would resume), as
   * [start, end) of `text`, or null. Callers that already know no match follows save the search.
   */
  next(text: string, from: number): Span | null {
    const probes = this.probes === undefined ? (this.probes = this.compileProbes()) : this.probes;
    if (probes === null || SURROGATE.test(text)) return this.byMatcher(text, from);
    if (from > text.length || !this.hasMatchFrom(text, from)) return null;
    const start = leftmostStart(probes, text, from);
    if (start < 0) return null;
    const matcher = start === 0 ? probes.atStart.matcher(text) : probes.afterChar.matcher(text.slice(start - 1));
    if (!matcher.find()) return null;
    return [start, start === 0 ? matcher.end() : start - 1 + matcher.end()];
  }

  private hasMatchFrom(text: string, from: number): boolean {
    return this.pattern.re2().matchWithGroup(text, from, text.length, UNANCHORED, 0)[0] === true;
  }

  private byMatcher(text: string, from: number): Span | null {
    if (from > text.length) return null;
    const matcher = this.pattern.matcher(text);
    return matcher.find(from) ? [matcher.start(), matcher.end()] : null;
  }

  private compileProbes(): Probes | null {
    if (this.source.includes("\\Q")) return null;
    const flags = this.caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0;
    try {
      return {
        atStart: RE2JS.compile(`^(?:${this.source})`, flags),
        afterChar: RE2JS.compile(`^(?s:.)(?:${this.source})`, flags),
        inBlock: RE2JS.compile(`^(?s:.){1,${BLOCK}}(?:${this.source})`, flags),
      };
    } catch {
      return null;
    }
  }
}

/** Smallest position from `from` on where a match starts (text has no surrogates), or -1. */
function leftmostStart(probes: Probes, text: string, from: number): number {
  let at = from;
  if (at === 0) {
    if (probes.atStart.test(text)) return 0;
    at = 1;
  }
  for (; at <= text.length; at += BLOCK) {
    if (!probes.inBlock.test(text.slice(at - 1))) continue;
    const last = Math.min(text.length, at + BLOCK - 1);
    for (let candidate = at; candidate <= last; candidate++) {
      if (probes.afterChar.test(text.slice(candidate - 1))) return candidate;
    }
  }
  return -1;
}
