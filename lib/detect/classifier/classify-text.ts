import { TextNormalizer } from "../normalizer-core";
import type { Span } from "../types";
import type { FeatureConfig } from "./feature-config";
import { HashedFeatures, featureWindows } from "./hash-features";
import { headLogit, sigmoid, type LinearModel, type ModelHead } from "./linear-model";
import { weighingPhrases, type WeighingPhrase } from "./explain-score";
import { activeModel } from "./active-model";
import { dominantScript } from "../dominant-script";
import { calibratedProbability, scriptOffset } from "./script-calibration";

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

/** Probability per head (NATIONALIST, ABUSIVE) of a text, from its highest window; the active model unless one is given. */
export function classifyText(text: string, model: LinearModel = activeModel()): Record<ModelHead, number> {
  normalizer.run(text);
  const scores = { NATIONALIST: 0, ABUSIVE: 0 } satisfies Record<ModelHead, number>;
  const script = model.heads.some((head) => head.scriptOffsets !== undefined) ? dominantScript(text) : "";
  for (const [from, to] of featureWindows(normalizer)) {
    features.extract(normalizer, model.features, from, to);
    for (const head of model.heads) scores[head.category] = Math.max(scores[head.category], sigmoid(headLogit(head, features) + scriptOffset(head, script)));
  }
  return scores;
}

/** Extracts, into `features`, the window of the normalized text where `head` scores highest. */
function extractStrongestWindow(head: LinearModel["heads"][number], config: LinearModel["features"]): void {
  let best: [number, number] = [0, 0];
  let bestLogit = -Infinity;
  for (const [from, to] of featureWindows(normalizer)) {
    features.extract(normalizer, config, from, to);
    const logit = headLogit(head, features);
    if (logit > bestLogit) [best, bestLogit] = [[from, to], logit];
  }
  features.extract(normalizer, config, best[0], best[1]);
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
  extractStrongestWindow(head, model.features);
  const phrases = weighingPhrases(head, features, normalizer);
  return {
    probability: calibratedProbability(head, headLogit(head, features), text),
    phrases,
    spans: phrases.map((phrase) => phrase.span).sort((a, b) => a[0] - b[0]),
  };
}
