import type { RuleDefinition, Span } from "./types";
import type { RuleConfigByKind } from "./schemas";
import { mergeSpans, quote, type CompiledRule, type SlotAllocator } from "./compiled-rule";
import { compileLinearRegex } from "./regex-safety";
import { isExceptedBefore } from "./unless-before";
import { misreadAs } from "./misspelt-reading";

/**
 * TERMS: any listed word or phrase, whole-word, after normalization ('idiot*' = prefix).
 * `unlessBefore` drops a hit when its sentence, just before it, matches: a name reported or
 * countered ('calling him …') rather than called.
 */
export function compileTermsRule(
  definition: RuleDefinition, config: RuleConfigByKind["TERMS"], slots: SlotAllocator,
): CompiledRule {
  const slot = slots.addTerms(config.terms);
  const unless = config.unlessBefore === undefined ? null : compileLinearRegex(config.unlessBefore, false);
  if (typeof unless === "string") throw new Error(`unlessBefore: ${unless}`);
  return {
    definition,
    termDriven: true,
    evaluate(analysis) {
      const found = analysis.hitsFor(slot);
      const hits = unless === null ? found
        : found.filter((hit) => !isExceptedBefore(unless, analysis, analysis.originalSpan(hit.start, hit.end)[0]));
      if (hits.length === 0) return null;
      const spans: Span[] = hits.map((hit) => analysis.originalSpan(hit.start, hit.end));
      const merged = mergeSpans(spans);
      const first = hits[0]!;
      const written = analysis.originalText(first.start, first.end);
      const evidence = first.misread === true ? `${quote(written)} (${misreadAs(analysis, first)})`
        : written.toLowerCase() === first.term.replace(/\*$/, "").toLowerCase() ? quote(written)
          : `${quote(written)} (read as '${first.term}')`;
      const more = merged.length > 1 ? ` and ${merged.length - 1} more match${merged.length > 2 ? "es" : ""}` : "";
      return {
        score: Math.min(1, 0.7 + 0.1 * (merged.length - 1)),
        spans: merged,
        reason: `Contains ${evidence}${more} from the '${definition.name}' list.`,
      };
    },
  };
}
