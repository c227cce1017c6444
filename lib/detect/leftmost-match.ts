import { RE2JS } from "re2js";
import type { Span } from "./types";
import { CompactDfa } from "./compact-dfa";

interface Probes {
  /** P anchored: does a match start at 0? */
  atStart: CompactDfa;
  /** `(?s:.)(?:P)`, anchored, from p - 1: does a match start at p, with the char before p as context? */
  afterChar: CompactDfa;
  afterCharPattern: RE2JS;
  /** The same pattern unanchored, from p - 1: does a match start anywhere from p on? */
  following: CompactDfa;
}

/**
 * The matches of a pattern, leftmost-first, exactly as RE2's Matcher.find() reports them, for
 * less. find() runs RE2's NFA unanchored, which adds every thread of the pattern at every
 * position: on the default pack's alternations of hundreds of words that is the most expensive
 * step of a window that matches. Here an anchored DFA (CompactDfa, which stops as soon as no
 * thread is left: a word or two) is tried at each position in turn; the first that matches is
 * where the leftmost match starts, and the NFA then runs anchored there (lookingAt) for its end.
 *
 * Why the probes are exact: the leftmost-first match starts at the smallest position where some
 * match starts, and ends where an anchored search from there ends. A probe from p > 0 reads the
 * text from the char before p and consumes it first with `(?s:.)`, so `\b`, `\B`, `^` and `(?m)^`
 * see the same context as in the whole text. Texts with surrogates (where positions are not code
 * points one for one), patterns the wrapping could change (`\Q` quotes to the end) and DFAs out
 * of memory use find() itself.
 */
export class LeftmostMatches {
  /** How many searches went to find() since the instance was made (tests hold the probes to it). */
  fallbacks = 0;
  private probes: Probes | null | undefined;

  constructor(
    private readonly pattern: RE2JS,
    private readonly source: string,
    private readonly caseInsensitive: boolean,
  ) {}

  /** The leftmost-first match at or after `from` (where Matcher.find() would resume), or null. */
  next(text: string, from: number): Span | null {
    if (from > text.length) return null;
    const probes = this.probes === undefined ? (this.probes = this.compileProbes()) : this.probes;
    if (probes === null || hasSurrogate(text)) return this.byMatcher(text, from);
    // Whether any match follows, so the probes below never run in vain: the unanchored DFA of
    // `(?s:.)(?:P)` from the char before `from`. From 0 the caller has just asked (a window is
    // searched only when it matches); were it wrong, the probes would only take longer to find nothing.
    if (from > 0) {
      const follows = probes.following.testFrom(text, from - 1);
      if (follows === null) return this.byMatcher(text, from);
      if (!follows) return null;
    }
    for (let at = from; at <= text.length; at++) {
      const starts = at === 0 ? probes.atStart.testFrom(text, 0) : probes.afterChar.testFrom(text, at - 1);
      if (starts === null) return this.byMatcher(text, from);
      if (!starts) continue;
      const matcher = at === 0 ? this.pattern.matcher(text) : probes.afterCharPattern.matcher(text.slice(at - 1));
      if (!matcher.lookingAt()) return this.byMatcher(text, from);
      return [at, at === 0 ? matcher.end() : at - 1 + matcher.end()];
    }
    // No position starts a match (each probe is exact): there is none.
    return null;
  }

  private byMatcher(text: string, from: number): Span | null {
    this.fallbacks++;
    const matcher = this.pattern.matcher(text);
    return matcher.find(from) ? [matcher.start(), matcher.end()] : null;
  }

  private compileProbes(): Probes | null {
    if (this.source.includes("\\Q")) return null;
    try {
      const afterCharPattern = RE2JS.compile(`(?s:.)(?:${this.source})`, this.caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
      return {
        atStart: new CompactDfa(this.pattern, true),
        afterChar: new CompactDfa(afterCharPattern, true),
        afterCharPattern,
        following: new CompactDfa(afterCharPattern),
      };
    } catch {
      return null;
    }
  }
}

function hasSurrogate(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code >= 0xd800 && code <= 0xdfff) return true;
  }
  return false;
}
