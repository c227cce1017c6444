import type { RuleDefinition, Span } from "./types";
import type { RuleConfigByKind } from "./schemas";
import { compileLinearRegex } from "./regex-safety";
import { mergeSpans, quote, type CompiledRule } from "./compiled-rule";
import { crossesSentenceBoundary, sentenceStartBefore } from "./sentence-boundary";
import type { CommentAnalysis } from "./comment-analysis";
import type { RE2JS } from "re2js";

const MAX_SPANS = 50;
/** How much of the sentence before a match `unlessBefore` reads ('it is wrong to say that …'). */
const UNLESS_LOOK_BACK = 60;

/**
 * REGEX, compiled with RE2 so no pattern can backtrack exponentially on a hostile comment.
 * Target 'normalized' (the default) runs on the normalized text, so a pattern written as
 * 'terrorist state' also catches 'T3RR0RIST   state' and spans are mapped back to the original;
 * target 'original' is for patterns about the raw form (capitals, punctuation, emoji).
 * Normalized text has no punctuation left, so a match there that spans a sentence end in the
 * original is dropped. `unlessBefore` drops a match when the same sentence, just before it,
 * matches that pattern too: negation and reported speech ('not all …', 'wrong to say …').
 */
export function compileRegexRule(definition: RuleDefinition, config: RuleConfigByKind["REGEX"]): CompiledRule {
  const caseInsensitive = config.flags === "i";
  const compiled = compileLinearRegex(config.pattern, caseInsensitive);
  if (typeof compiled === "string") throw new Error(compiled);
  const unless = config.unlessBefore === undefined ? null : compileLinearRegex(config.unlessBefore, caseInsensitive);
  if (typeof unless === "string") throw new Error(`unlessBefore: ${unless}`);
  const onNormalized = (config.target ?? "normalized") === "normalized";
  return {
    definition,
    termDriven: false,
    evaluate(analysis) {
      const input = onNormalized ? analysis.normalizedString() : analysis.body;
      if (!compiled.test(input)) return null;
      const matcher = compiled.matcher(input);
      const spans: Span[] = [];
      while (spans.length < MAX_SPANS && matcher.find()) {
        const start = matcher.start();
        const end = matcher.end();
        if (end <= start) continue;
        const span: Span = onNormalized ? analysis.originalSpan(start, end) : [start, end];
        if (crossesSentenceBoundary(analysis.body, span[0], span[1])) continue;
        if (unless !== null && isExcepted(unless, analysis, span[0])) continue;
        spans.push(span);
      }
      if (spans.length === 0) return null;
      const merged = mergeSpans(spans);
      const [from, to] = merged[0]!;
      return {
        score: Math.min(1, 0.7 + 0.1 * (merged.length - 1)),
        spans: merged,
        reason: `Text ${quote(analysis.body.slice(from, to))} matches the pattern of '${definition.name}'.`,
      };
    },
  };
}

/** Whether the sentence just before original offset `at` matches the exception pattern. */
function isExcepted(unless: RE2JS, analysis: CommentAnalysis, at: number): boolean {
  const from = sentenceStartBefore(analysis.body, at, UNLESS_LOOK_BACK);
  const before = analysis.body.slice(from, at).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ");
  return unless.test(before);
}
