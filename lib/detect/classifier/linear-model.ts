import type { FeatureConfig } from "./feature-config";
import type { HashedFeatures } from "./hash-features";

/** The categories a model head can score (a CLASSIFIER rule's category picks its head). */
export const MODEL_HEADS = ["NATIONALIST", "ABUSIVE"] as const;
export type ModelHead = (typeof MODEL_HEADS)[number];

/** A logistic-regression head over hashed features: p = sigmoid(bias + scale · Σ w[bucket]). */
export interface LinearHead {
  category: ModelHead;
  bias: number;
  weights: Float32Array;
}

export interface LinearModel {
  features: FeatureConfig;
  heads: LinearHead[];
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * Every occurrence counts (a repeated insult weighs more), scaled by 1/sqrt(feature count) so long
 * and short comments land on one scale: the L2 norm of the count vector, without deduplicating.
 */
export function featureScale(features: HashedFeatures): number {
  return features.count === 0 ? 0 : 1 / Math.sqrt(features.count);
}

/** The head's logit for the extracted features. */
export function headLogit(head: LinearHead, features: HashedFeatures): number {
  const { bucket, count } = features;
  const weights = head.weights;
  let sum = 0;
  for (let k = 0; k < count; k++) sum += weights[bucket[k]!]!;
  return head.bias + sum * featureScale(features);
}

export function findHead(model: LinearModel, category: string): LinearHead | undefined {
  return model.heads.find((head) => head.category === category);
}
