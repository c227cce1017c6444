import type { RuleCategory, RuleDefinition } from "../types";
import { labelCategories, share, type ScoredRecord, type Share } from "./metrics";
import { isModelRule } from "./rule-split";

/** One rule measured on its own category: what it flagged, what it found, and clean comments it flagged. */
export interface RuleFigures {
  name: string;
  category: RuleCategory;
  kind: string;
  isModel: boolean;
  /** Comments it flagged. */
  fired: number;
  /** Of those, labelled with its category. */
  precision: Share;
  /** Of the comments labelled with its category, the share it flagged. */
  recall: Share;
  /** Comments without any label it flagged. */
  cleanFlagged: number;
  /** Correct flags no other rule of its category raised: what would be lost without it. */
  soleCorrect: number;
}

/** Per rule, in the rules' order; rules that never fired are listed too (fired 0). */
export function ruleFigures(rules: readonly Pick<RuleDefinition, "name" | "category" | "kind">[], scored: readonly ScoredRecord[]): RuleFigures[] {
  const labelledByCategory = new Map<RuleCategory, number>();
  for (const { record } of scored) {
    for (const category of labelCategories(record)) labelledByCategory.set(category, (labelledByCategory.get(category) ?? 0) + 1);
  }
  return rules.map((rule) => {
    let fired = 0, correct = 0, cleanFlagged = 0, soleCorrect = 0;
    let ownCorrect = 0;
    for (const { record, flags } of scored) {
      const own = flags.filter((flag) => flag.ruleName === rule.name);
      if (own.length === 0) continue;
      fired += 1;
      const labels = labelCategories(record);
      // An EXTERNAL rule flags several categories (its flags carry theirs); every other rule flags its own.
      if (own.some((flag) => labels.has(flag.category))) correct += 1;
      if (labels.has(rule.category) && own.some((flag) => flag.category === rule.category)) {
        ownCorrect += 1;
        if (flags.every((flag) => flag.ruleName === rule.name || flag.category !== rule.category)) soleCorrect += 1;
      }
      if (record.labels.length === 0) cleanFlagged += 1;
    }
    return {
      name: rule.name,
      category: rule.category,
      kind: rule.kind,
      isModel: isModelRule(rule),
      fired,
      precision: share(correct, fired),
      recall: share(ownCorrect, labelledByCategory.get(rule.category) ?? 0),
      cleanFlagged,
      soleCorrect,
    };
  });
}
