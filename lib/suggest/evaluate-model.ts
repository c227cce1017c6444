import { compileSuggestionModel, DEFAULT_TRAIN_OPTIONS, featurize, predictFromFeatures, trainFromFeatured, type FeaturedExample } from "./suggestion-model";
import type { TrainingExample } from "./types";

// Honest figures: train on the oldest decisions, score on the newest ones (as the model will be
// used: on comments that arrive after it was trained), next to always guessing the majority class.

export const TRAIN_SHARE = 0.8;

export function splitByTime<T extends { decidedAt: Date }>(examples: readonly T[], trainShare = TRAIN_SHARE): { train: T[]; heldOut: T[] } {
  const sorted = [...examples].sort((a, b) => a.decidedAt.getTime() - b.decidedAt.getTime());
  const cut = Math.floor(sorted.length * trainShare);
  return { train: sorted.slice(0, cut), heldOut: sorted.slice(cut) };
}

export interface ClassMetrics {
  label: string;
  /** Held-out examples of this class. */
  support: number;
  predicted: number;
  correct: number;
  precision: number | null;
  recall: number | null;
}

export interface LabelComparison {
  accuracy: number;
  baselineAccuracy: number;
  baselineLabel: string;
  model: ClassMetrics[];
  baseline: ClassMetrics[];
}

export interface Evaluation {
  trainSize: number;
  heldOutSize: number;
  /** Hide vs approve. */
  action: LabelComparison;
  /** Approve, or hide for each reason. */
  reason: LabelComparison;
}

/** The label of the finer task: APPROVE, or the reason a comment was hidden. */
export function reasonLabel(example: Pick<TrainingExample, "action" | "reason">): string {
  return example.action === "APPROVE" ? "APPROVE" : (example.reason ?? "OTHER");
}

export function evaluateSuggestionModel(examples: readonly TrainingExample[], options = DEFAULT_TRAIN_OPTIONS): Evaluation {
  return evaluateFeatured(examples.map(featurize), options);
}

export function evaluateFeatured(examples: readonly FeaturedExample[], options = DEFAULT_TRAIN_OPTIONS): Evaluation {
  const { train, heldOut } = splitByTime(examples);
  const model = compileSuggestionModel(trainFromFeatured(train, options));
  const predictions = heldOut.map((example) => predictFromFeatures(model, example.features, 0));
  const actionTruth = heldOut.map((example) => example.action as string);
  const reasonTruth = heldOut.map(reasonLabel);
  return {
    trainSize: train.length,
    heldOutSize: heldOut.length,
    action: compare(actionTruth, predictions.map((p) => p.action), majority(train.map((example) => example.action))),
    reason: compare(reasonTruth, predictions.map((p) => reasonLabel(p)), majority(train.map(reasonLabel))),
  };
}

export function majority(labels: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  let best = "APPROVE";
  let bestCount = -1;
  for (const [label, count] of counts) if (count > bestCount || (count === bestCount && label < best)) [best, bestCount] = [label, count];
  return best;
}

function compare(truth: readonly string[], predicted: readonly string[], baselineLabel: string): LabelComparison {
  const baseline = truth.map(() => baselineLabel);
  return {
    accuracy: accuracy(truth, predicted),
    baselineAccuracy: accuracy(truth, baseline),
    baselineLabel,
    model: classMetrics(truth, predicted),
    baseline: classMetrics(truth, baseline),
  };
}

export function accuracy(truth: readonly string[], predicted: readonly string[]): number {
  if (truth.length === 0) return 0;
  let right = 0;
  truth.forEach((label, index) => {
    if (predicted[index] === label) right += 1;
  });
  return right / truth.length;
}

export function classMetrics(truth: readonly string[], predicted: readonly string[]): ClassMetrics[] {
  const labels = [...new Set([...truth, ...predicted])].sort();
  return labels.map((label) => {
    let support = 0;
    let predictedCount = 0;
    let correct = 0;
    truth.forEach((actual, index) => {
      const guess = predicted[index];
      if (actual === label) support += 1;
      if (guess === label) predictedCount += 1;
      if (actual === label && guess === label) correct += 1;
    });
    return {
      label,
      support,
      predicted: predictedCount,
      correct,
      precision: predictedCount === 0 ? null : correct / predictedCount,
      recall: support === 0 ? null : correct / support,
    };
  });
}
