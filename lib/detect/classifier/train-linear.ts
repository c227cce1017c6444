import { mulberry32 } from "@/lib/seeded-random";
import { MODEL_HEADS, type LinearModel, type ModelHead } from "./linear-model";
import type { FeatureConfig } from "./feature-config";

/** One training example: its hashed buckets (repeats allowed) and a target per head (NaN = unknown). */
export interface TrainingRow {
  buckets: Int32Array;
  /** Index-aligned with MODEL_HEADS; 0..1 (soft targets allowed) or NaN when the source says nothing. */
  targets: Float32Array;
  /** Importance of this row (source weight × class weight). */
  weight: number;
}

export interface TrainOptions {
  epochs: number;
  /** AdaGrad base learning rate. */
  learningRate: number;
  /** L2 pull toward the prior (zero for a base model, the base weights when adapting). */
  l2: number;
  seed: number;
  /** Start (and pull) from these heads; absent: from zero. */
  prior?: LinearModel;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = { epochs: 6, learningRate: 0.3, l2: 1e-6, seed: 20240611 };

/**
 * Logistic regression per head by AdaGrad SGD over the rows in a seeded order: the same rows and
 * options give the same weights. L2 applies where a row touches a weight (sparse-friendly), pulling
 * toward the prior, so a model adapted from decisions stays near the shipped one where it lacks data.
 */
export function trainLinearModel(rows: readonly TrainingRow[], features: FeatureConfig, options: TrainOptions): LinearModel {
  const size = 1 << features.hashBits;
  const heads = MODEL_HEADS.map((category: ModelHead) => {
    const prior = options.prior?.heads.find((head) => head.category === category);
    return {
      category,
      bias: prior?.bias ?? 0,
      weights: prior ? Float32Array.from(prior.weights) : new Float32Array(size),
      priorWeights: prior?.weights ?? null,
      priorBias: prior?.bias ?? 0,
      squares: new Float32Array(size),
      biasSquares: 0,
    };
  });
  const order = Array.from({ length: rows.length }, (_, index) => index);
  const random = mulberry32(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (const index of order) {
      const row = rows[index]!;
      const n = row.buckets.length;
      if (n === 0) continue;
      const scale = 1 / Math.sqrt(n);
      for (let h = 0; h < heads.length; h++) {
        const target = row.targets[h]!;
        if (Number.isNaN(target)) continue;
        const head = heads[h]!;
        let z = head.bias;
        for (let k = 0; k < n; k++) z += head.weights[row.buckets[k]!]! * scale;
        const gradient = (1 / (1 + Math.exp(-z)) - target) * row.weight;
        if (gradient === 0) continue;
        head.biasSquares += gradient * gradient;
        head.bias -= (options.learningRate * gradient) / Math.sqrt(head.biasSquares + 1e-8);
        for (let k = 0; k < n; k++) {
          const b = row.buckets[k]!;
          const w = head.weights[b]!;
          const g = gradient * scale + options.l2 * (w - (head.priorWeights ? head.priorWeights[b]! : 0));
          head.squares[b] = head.squares[b]! + g * g;
          head.weights[b] = w - (options.learningRate * g) / Math.sqrt(head.squares[b]! + 1e-8);
        }
      }
    }
  }
  // A prior's calibration stays with its heads: adapting to decisions does not re-measure the scripts.
  return {
    features,
    heads: heads.map(({ category, bias, weights }) => {
      const offsets = options.prior?.heads.find((head) => head.category === category)?.scriptOffsets;
      return { category, bias, weights, ...(offsets ? { scriptOffsets: offsets } : {}) };
    }),
  };
}

function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = order[i]!;
    order[i] = order[j]!;
    order[j] = swap;
  }
}
