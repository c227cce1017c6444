import type { RuleDefinition } from "../types";
import type { LabelledRecord } from "./labelled-record";
import { sliceFigures, type Share } from "./metrics";
import { isModelRule } from "./rule-split";
import { scoreRecords } from "./evaluate-labelled";

export interface CurvePoint {
  threshold: number;
  model: { hostileRecall: Share; cleanFlagRate: Share };
  both: { hostileRecall: Share; cleanFlagRate: Share };
}

export const DEFAULT_CURVE_THRESHOLDS = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 0.99];

/** The rules with every model rule's `threshold` set to one value (rules without one are left alone). */
export function withModelThreshold(rules: readonly RuleDefinition[], threshold: number): RuleDefinition[] {
  return rules.map((rule) => {
    const config = rule.config as { threshold?: unknown } | null;
    if (!isModelRule(rule) || typeof config?.threshold !== "number") return rule;
    return { ...rule, config: { ...config, threshold } };
  });
}

/**
 * Hostile recall against the clean-flag rate as the model rules' threshold moves, for the model
 * alone and with the hand-written rules: where to set the threshold, read off the data.
 */
export function thresholdCurve(rules: readonly RuleDefinition[], records: readonly LabelledRecord[], thresholds: readonly number[] = DEFAULT_CURVE_THRESHOLDS): CurvePoint[] {
  return thresholds.map((threshold) => {
    const moved = withModelThreshold(rules, threshold);
    const point = (split: "model" | "both") => {
      const figures = sliceFigures(scoreRecords(moved, records, split).scored);
      return { hostileRecall: figures.hostileRecall, cleanFlagRate: figures.cleanFlagRate };
    };
    return { threshold, model: point("model"), both: point("both") };
  });
}
