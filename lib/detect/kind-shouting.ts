import type { RuleDefinition } from "./types";
import type { RuleConfigByKind } from "./schemas";
import type { CompiledRule } from "./compiled-rule";

/** SHOUTING: most letters are capitals (counted by the normalizer while it reads the text). */
export function compileShoutingRule(definition: RuleDefinition, config: RuleConfigByKind["SHOUTING"]): CompiledRule {
  return {
    definition,
    termDriven: false,
    evaluate(analysis) {
      const { letterCount, upperCount } = analysis.normalized;
      if (letterCount < config.minLetters || letterCount === 0) return null;
      const ratio = upperCount / letterCount;
      if (ratio < config.minUpperRatio) return null;
      return {
        score: ratio,
        spans: [analysis.wholeSpan()],
        reason: `${Math.round(ratio * 100)}% of its ${letterCount} letters are capitals.`,
      };
    },
  };
}
