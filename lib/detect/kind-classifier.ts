import type { RuleDefinition } from "./types";
import type { RuleConfigByKind } from "./schemas";
import { RuleCompileError, mergeSpans, quote, type CompiledRule, type SlotAllocator } from "./compiled-rule";
import { MODEL_HEADS, sigmoid, type LinearModel } from "./classifier/linear-model";
import { weighingPhrases } from "./classifier/explain-score";
import { calibratedProbability, mayNeedCalibration } from "./classifier/script-calibration";

/** Where a CLASSIFIER rule gets its model: the active one (shipped or desk-adapted), or none in the browser. */
export type ModelSource = () => LinearModel | null;

/**
 * CLASSIFIER: the linear model's head for the rule's category (or the config's `head`) scores the whole
 * comment; at or above the threshold it flags, explained by the comment's own words that weighed most.
 * `requires` gates it like a REGEX rule's: only comments where one of the terms occurs are scored by
 * this rule (the terms' spans join the explanation). The model is looked up per comment, so a newly
 * adapted model applies without recompiling.
 */
export function compileClassifierRule(
  definition: RuleDefinition, config: RuleConfigByKind["CLASSIFIER"], modelSource: ModelSource, slots: SlotAllocator,
): CompiledRule {
  const category = config.head ?? definition.category;
  if (!(MODEL_HEADS as readonly string[]).includes(definition.category)) {
    throw new RuleCompileError(definition.id, definition.name, `the model scores ${MODEL_HEADS.join(" and ")} only, not ${definition.category}`);
  }
  const gate = config.requires === undefined ? null : slots.addTerms(config.requires);
  return {
    definition,
    termDriven: gate !== null,
    evaluate(analysis) {
      if (gate !== null && !analysis.hasHits(gate)) return null;
      const model = modelSource();
      if (model === null) return null;
      const index = headIndex(model, category);
      if (index < 0) return null;
      const head = model.heads[index]!;
      const logit = analysis.headLogit(model, index);
      let probability = sigmoid(logit);
      if (probability < config.threshold) return null;
      if (mayNeedCalibration(head, probability, config.threshold)) {
        probability = calibratedProbability(head, logit, analysis.body);
        if (probability < config.threshold) return null;
      }
      const features = analysis.hashedFeatures(model, index);
      const phrases = weighingPhrases(head, features, analysis.normalized);
      const words = phrases.map((phrase) => quote(analysis.body.slice(phrase.span[0], phrase.span[1]))).join(", ");
      const spans = phrases.map((phrase) => phrase.span);
      let target = "";
      if (gate !== null) {
        const hits = analysis.hitsFor(gate);
        for (const hit of hits) spans.push(analysis.originalSpan(hit.start, hit.end));
        target = ` at ${quote(analysis.originalText(hits[0]!.start, hits[0]!.end))}`;
      }
      return {
        score: probability,
        spans: mergeSpans(spans),
        reason: `model: ${probability.toFixed(2)} ${category.toLowerCase()}${target}${words ? ` — weighed most: ${words}` : ""}`,
      };
    },
  };
}

/** The model's head for the category, or -1 (a loop: findIndex's closure was most of a clean comment's garbage). */
function headIndex(model: LinearModel, category: string): number {
  const heads = model.heads;
  for (let h = 0; h < heads.length; h++) if (heads[h]!.category === category) return h;
  return -1;
}
