import { TextNormalizer } from "../normalizer-core";
import type { Span } from "../types";
import type { FeatureConfig } from "./feature-config";
import { HashedFeatures } from "./hash-features";
import { headLogit, sigmoid, type LinearModel, type ModelHead } from "./linear-model";
import { weighingPhrases, type WeighingPhrase } from "./explain-score";
import { activeModel } from "./active-model";

// Standalone scoring for callers outside rule evaluation (evaluate CLI, suggestions, training):
// its own normalizer and buffers, so it never disturbs an evaluateComment in progress.
const normalizer = new TextNormalizer();
const features = new HashedFeatures();

/** The hashed buckets of a text, as training rows need them (a copy). */
export function featurizeText(text: string, config: FeatureConfig): Int32Array {
  normalizer.run(text);
  features.extract(normalizer, config);
  return features.bucket.slice(0, features.count);
}

/** Probability per head (NATIONALIST, ABUSIVE) of a text; the active model unless one is given. */
export function classifyText(text: string, model: LinearModel = activeModel()): Record<ModelHead, number> {
  normalizer.run(text);
  features.extract(normalizer, model.features);
  const scores = { NATIONALIST: 0, ABUSIVE: 0 } satisfies Record<ModelHead, number>;
  for (const head of model.heads) scores[head.category] = sigmoid(headLogit(head, features));
  return scores;
}

export interface TextExplanation {
  probability: number;
  phrases: WeighingPhrase[];
  spans: Span[];
}

/** Why the model scored a text as it did for one category: its own words that weighed most. */
export function explainText(text: string, category: ModelHead, model: LinearModel = activeModel()): TextExplanation | null {
  const head = model.heads.find((candidate) => candidate.category === category);
  if (head === undefined) return null;
  normalizer.run(text);
  features.extract(normalizer, model.features);
  const phrases = weighingPhrases(head, features, normalizer);
  return {
    probability: sigmoid(headLogit(head, features)),
    phrases,
    spans: phrases.map((phrase) => phrase.span).sort((a, b) => a[0] - b[0]),
  };
}
