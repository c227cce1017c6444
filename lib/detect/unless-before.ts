import type { RE2JS } from "re2js";
import type { CommentAnalysis } from "./comment-analysis";
import { sentenceStartBefore } from "./sentence-boundary";

/** How much of the sentence before a match `unlessBefore` reads ('it is wrong to say that …'). */
const UNLESS_LOOK_BACK = 60;

/**
 * Whether the sentence just before original offset `at` matches the exception pattern (REGEX and
 * NEAR `unlessBefore`): read as lowercase words, so 'Don't' and 'don t' are one spelling.
 */
export function isExceptedBefore(unless: RE2JS, analysis: CommentAnalysis, at: number): boolean {
  const from = sentenceStartBefore(analysis.body, at, UNLESS_LOOK_BACK);
  const before = analysis.body.slice(from, at).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ");
  return unless.test(before);
}
