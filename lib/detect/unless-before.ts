import type { RE2JS } from "re2js";
import type { CommentAnalysis } from "./comment-analysis";
import { CompactDfa } from "./compact-dfa";
import { sentenceEndAfter, sentenceStartBefore } from "./sentence-boundary";

// The exception patterns are only asked whether they match: RE2JS.test()'s answer, read from a
// table (compact-dfa.ts) rather than through re2js's matcher, one per compiled pattern.
const testers = new WeakMap<RE2JS, CompactDfa>();

function matches(pattern: RE2JS, text: string): boolean {
  let tester = testers.get(pattern);
  if (tester === undefined) {
    tester = new CompactDfa(pattern);
    testers.set(pattern, tester);
  }
  return tester.test(text);
}

/** How much of the sentence before a match `unlessBefore` reads ('it is wrong to say that …'). */
const UNLESS_LOOK_BACK = 60;
/** How much of the sentence after a match `unlessAfter` reads ('… being blamed for it'). */
const UNLESS_LOOK_AHEAD = 60;

/**
 * Whether the sentence just before original offset `at` matches the exception pattern (REGEX and
 * NEAR `unlessBefore`): read as lowercase words, so 'Don't' and 'don t' are one spelling; vowel signs
 * are kept with their letters, or a Tamil or Devanagari word would fall apart at every sign.
 */
export function isExceptedBefore(unless: RE2JS, analysis: CommentAnalysis, at: number): boolean {
  const from = sentenceStartBefore(analysis.body, at, UNLESS_LOOK_BACK);
  const before = analysis.body.slice(from, at).toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, " ");
  return matches(unless, before);
}

/**
 * Whether the sentence just after original offset `at` matches the exception pattern (REGEX
 * `unlessAfter`), read the same way with one leading space trimmed, so '^' means right after the match:
 * what a group suffers ('sick of X being blamed'), not what it is.
 */
export function isExceptedAfter(unless: RE2JS, analysis: CommentAnalysis, at: number): boolean {
  const to = sentenceEndAfter(analysis.body, at, UNLESS_LOOK_AHEAD);
  const after = analysis.body.slice(at, to).toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, " ").replace(/^ /, "");
  return matches(unless, after);
}
