import type { RuleDefinition, Span } from "./types";
import type { RuleConfigByKind } from "./schemas";
import { compileLinearRegex } from "./regex-safety";
import { mergeSpans, quote, type CompiledRule } from "./compiled-rule";

const MAX_SPANS = 50;

/**
 * REGEX, compiled with RE2 so no pattern can backtrack exponentially on a hostile comment.
 * Target 'normalized' (the default) runs on the normalized text, so a pattern written as
 * 'terrorist state' also catches 'T3RR0RIST   state' and spans are mapped back to the original;
 * target 'original' is for patterns about the raw form (capitals, punctuation, emoji).
 */
export function compileRegexRule(definition: RuleDefinition, config: RuleConfigByKind["REGEX"]): CompiledRule {
  const compiled = compileLinearRegex(config.pattern, config.flags === "i");
  if (typeof compiled === "string") throw new Error(compiled);
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
        spans.push(onNormalized ? analysis.originalSpan(start, end) : [start, end]);
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
