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
  /** Logit offsets (≤ 0) by dominant script, added after scoring (script-calibration.ts). */
  scriptOffsets?: Readonly<Record<string, number>>;
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

// Every head's weight for a bucket side by side, so scoring all heads costs one memory read per feature.
const interleaved = new WeakMap<LinearModel, Float32Array>();

export function interleavedTable(model: LinearModel): Float32Array {
  let table = interleaved.get(model);
  if (table === undefined) {
    const heads = model.heads.length;
    const size = 1 << model.features.hashBits;
    table = new Float32Array(size * heads);
    for (let h = 0; h < heads; h++) {
      const weights = model.heads[h]!.weights;
      for (let b = 0; b < size; b++) table[b * heads + h] = weights[b]!;
    }
    interleaved.set(model, table);
  }
  return table;
}

/** Logits of every head (in model.heads order) in one pass; two heads specialised, the hot case. */
export function allHeadLogits(model: LinearModel, features: HashedFeatures, out: Float64Array): void {
  const table = interleavedTable(model);
  const heads = model.heads.length;
  const { bucket, count } = features;
  const scale = featureScale(features);
  if (heads === 2) {
    let first = 0;
    let second = 0;
    for (let k = 0; k < count; k++) {
      const at = bucket[k]! << 1;
      first += table[at]!;
      second += table[at + 1]!;
    }
    out[0] = model.heads[0]!.bias + first * scale;
    out[1] = model.heads[1]!.bias + second * scale;
    return;
  }
  for (let h = 0; h < heads; h++) out[h] = 0;
  for (let k = 0; k < count; k++) {
    const at = bucket[k]! * heads;
    for (let h = 0; h < heads; h++) out[h] = out[h]! + table[at + h]!;
  }
  for (let h = 0; h < heads; h++) out[h] = model.heads[h]!.bias + out[h]! * scale;
}
