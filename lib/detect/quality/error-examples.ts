import type { FlagResult, RuleCategory } from "../types";
import { flagCategories, labelCategories, type ScoredRecord } from "./metrics";
import type { LabelledRecord } from "./labelled-record";

/** A flag as a reader of the evaluation needs it: which rule, why, and the words it matched. */
export interface FiredRule {
  rule: string;
  category: RuleCategory;
  reason: string;
  matched: string[];
}

export interface ErrorExample {
  record: LabelledRecord;
  /** Miss: the labels' categories no flag raised. False flag: the flagged categories no label asked for. */
  categories: RuleCategory[];
  fired: FiredRule[];
}

export function firedRules(text: string, flags: readonly FlagResult[]): FiredRule[] {
  return flags.map((flag) => ({
    rule: flag.ruleName,
    category: flag.category,
    reason: flag.reason,
    matched: flag.spans.map(([start, end]) => text.slice(start, end)),
  }));
}

/** Comments whose labels a flag category did not cover (misses) and flags no label asked for (false flags). */
export function errorExamples(scored: readonly ScoredRecord[]): { misses: ErrorExample[]; falseFlags: ErrorExample[] } {
  const misses: ErrorExample[] = [];
  const falseFlags: ErrorExample[] = [];
  for (const { record, flags } of scored) {
    const expected = labelCategories(record);
    const raised = flagCategories(flags);
    const missed = [...expected].filter((category) => !raised.has(category));
    const unasked = [...raised].filter((category) => !expected.has(category));
    const fired = firedRules(record.text, flags);
    if (missed.length > 0) misses.push({ record, categories: missed, fired });
    if (unasked.length > 0) falseFlags.push({ record, categories: unasked, fired: fired.filter((rule) => unasked.includes(rule.category)) });
  }
  return { misses, falseFlags };
}
