import { featurizeText } from "@/lib/detect/classifier/classify-text";
import { MODEL_HEADS, type LinearModel } from "@/lib/detect/classifier/linear-model";
import { trainLinearModel, type TrainingRow } from "@/lib/detect/classifier/train-linear";
import type { TrainingExample } from "./types";

// The desk's decisions adapt the shipped classifier instead of training a model of their own:
// training starts from the base weights and an L2 pull keeps every weight near them, so a few
// decisions move only the words they are about (base model = prior).

export const ADAPT_OPTIONS = { epochs: 5, learningRate: 0.2, l2: 0.01, seed: 20240611 } as const;

/** An approval says "neither"; a hide with a reason says that category and nothing about the other. */
export function decisionRows(examples: readonly TrainingExample[], base: LinearModel): TrainingRow[] {
  const rows: TrainingRow[] = [];
  for (const example of examples) {
    const targets = new Float32Array(MODEL_HEADS.length).fill(Number.NaN);
    if (example.action === "APPROVE") targets.fill(0);
    else {
      const head = (MODEL_HEADS as readonly string[]).indexOf(example.reason ?? "");
      // Hidden as off-topic, spam or other: says nothing about hostility.
      if (head < 0) continue;
      targets[head] = 1;
    }
    rows.push({ buckets: featurizeText(example.text, base.features), targets, weight: 1 });
  }
  return rows;
}

export function adaptBaseModel(base: LinearModel, examples: readonly TrainingExample[]): LinearModel {
  return trainLinearModel(decisionRows(examples, base), base.features, { ...ADAPT_OPTIONS, prior: base });
}

/** What the decisions changed: only buckets that moved, so the stored row stays small. */
export interface ModelDelta {
  format: 1;
  hashBits: number;
  /** Which base it was adapted from: a delta is meaningless on a retrained base. */
  base: string;
  heads: { category: string; bias: number; buckets: number[]; deltas: number[] }[];
}

const MIN_CHANGE = 1e-4;

export function modelDelta(base: LinearModel, adapted: LinearModel): ModelDelta {
  return {
    format: 1,
    hashBits: base.features.hashBits,
    base: baseFingerprint(base),
    heads: adapted.heads.map((head, h) => {
      const prior = base.heads[h]!;
      const buckets: number[] = [];
      const deltas: number[] = [];
      for (let b = 0; b < head.weights.length; b++) {
        const change = head.weights[b]! - prior.weights[b]!;
        if (Math.abs(change) > MIN_CHANGE) { buckets.push(b); deltas.push(Math.round(change * 1e6) / 1e6); }
      }
      return { category: head.category, bias: Math.round((head.bias - prior.bias) * 1e6) / 1e6, buckets, deltas };
    }),
  };
}

/** The adapted model: the base with the stored delta added; null when the delta is for another base. */
export function applyDelta(base: LinearModel, delta: ModelDelta): LinearModel | null {
  if (delta.hashBits !== base.features.hashBits || delta.base !== baseFingerprint(base)) return null;
  const heads = base.heads.map((head) => {
    const change = delta.heads.find((candidate) => candidate.category === head.category);
    if (change === undefined) return head;
    const weights = Float32Array.from(head.weights);
    change.buckets.forEach((bucket, k) => { if (bucket < weights.length) weights[bucket] = weights[bucket]! + change.deltas[k]!; });
    return { ...head, bias: head.bias + change.bias, weights };
  });
  return { features: base.features, heads };
}

/** Cheap identity of a base model: its feature settings and head biases (retraining moves them). */
export function baseFingerprint(base: LinearModel): string {
  const { hashBits, words, bigrams, charMin, charMax } = base.features;
  return `${hashBits}/${words ? "w" : ""}${bigrams ? "b" : ""}/${charMin}-${charMax}/${base.heads.map((head) => head.bias.toFixed(6)).join(",")}`;
}
