import type { RuleDefinition, Span } from "./types";
import type { RuleConfigByKind } from "./schemas";
import { mergeSpans, quote, type CompiledRule, type SlotAllocator } from "./compiled-rule";

/** TERMS: any listed word or phrase, whole-word, after normalization ('idiot*' = prefix). */
export function compileTermsRule(
  definition: RuleDefinition, config: RuleConfigByKind["TERMS"], slots: SlotAllocator,
): CompiledRule {
  const slot = slots.addTerms(config.terms);
  return {
    definition,
    termDriven: true,
    evaluate(analysis) {
      const hits = analysis.hitsFor(slot);
      if (hits.length === 0) return null;
      const spans: Span[] = hits.map((hit) => analysis.originalSpan(hit.start, hit.end));
      const merged = mergeSpans(spans);
      const first = hits[0]!;
      const written = analysis.originalText(first.start, first.end);
      const evidence = written.toLowerCase() === first.term.replace(/\*$/, "").toLowerCase()
        ? quote(written)
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
