import type { RuleDefinition } from "../types";

/** rules: the hand-written rules; model: the classifiers (CLASSIFIER, EXTERNAL endpoints); both: every enabled rule, as the queue runs them. */
export const RULE_SPLITS = ["rules", "model", "both"] as const;
export type RuleSplit = (typeof RULE_SPLITS)[number];

// Compared as a string so this module does not depend on which kinds the engine knows.
export function isModelRule(rule: Pick<RuleDefinition, "kind">): boolean {
  return (rule.kind as string) === "CLASSIFIER" || (rule.kind as string) === "EXTERNAL";
}

export function rulesForSplit<T extends Pick<RuleDefinition, "kind" | "enabled">>(rules: readonly T[], split: RuleSplit): T[] {
  const enabled = rules.filter((rule) => rule.enabled);
  if (split === "both") return enabled;
  return enabled.filter((rule) => isModelRule(rule) === (split === "model"));
}
