import type { RuleDefinition } from "@/lib/detect/types";

type PackRule = Omit<RuleDefinition, "id" | "version">;

/**
 * The shipped model as two rules, one per head. Thresholds come from `npm run model:train-base`:
 * the highest hostile recall on thread-grouped cross-validation of the corpus dev split with at
 * most 3% of clean comments flagged by the model (docs/model.md has the figures).
 */
export const CLASSIFIER_THRESHOLDS = { NATIONALIST: 0.311, ABUSIVE: 0.795 } as const;

export function defaultClassifierRules(): PackRule[] {
  return [
    {
      name: "model-nationalist", category: "NATIONALIST", kind: "CLASSIFIER",
      config: { threshold: CLASSIFIER_THRESHOLDS.NATIONALIST }, severity: 2, action: "FLAG", enabled: true,
      description: "The shipped linear model (adapted by the desk's decisions) scores hostility toward a people, state or religion; explained by the words that weighed most.",
    },
    {
      name: "model-abusive", category: "ABUSIVE", kind: "CLASSIFIER",
      config: { threshold: CLASSIFIER_THRESHOLDS.ABUSIVE }, severity: 2, action: "FLAG", enabled: true,
      description: "The shipped linear model (adapted by the desk's decisions) scores insults, profanity and threats; explained by the words that weighed most.",
    },
  ];
}
