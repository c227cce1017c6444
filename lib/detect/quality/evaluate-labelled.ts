import { compileRules } from "../compile-rules";
import { evaluateComment } from "../evaluate-comment";
import type { CommentContext, FlagResult, RuleDefinition } from "../types";
import { errorExamples, type ErrorExample } from "./error-examples";
import { recordContext, type LabelledRecord } from "./labelled-record";
import { confusionTable, sliceFigures, type ConfusionTable, type ScoredRecord, type SliceFigures } from "./metrics";
import { ruleFigures, type RuleFigures } from "./rule-figures";
import { rulesForSplit, type RuleSplit } from "./rule-split";

export interface QualityReport {
  split: RuleSplit;
  /** How many enabled rules this split ran. */
  ruleCount: number;
  all: SliceFigures;
  withoutBorderline: SliceFigures;
  /** Per script (lang), in first-seen order. */
  byScript: { lang: string; figures: SliceFigures }[];
  confusion: ConfusionTable;
  rules: RuleFigures[];
  misses: ErrorExample[];
  falseFlags: ErrorExample[];
}

/**
 * Flags scored outside the engine (EXTERNAL rules: their endpoint answered before the run, see
 * lib/external-classifier/score-texts.ts), looked up per comment; kept only for the split's rules.
 */
export type ExtraFlags = (context: CommentContext) => FlagResult[];

/** Runs one split of a rule set over labelled records (compiled once) and keeps each record's flags. */
export function scoreRecords(rules: readonly RuleDefinition[], records: readonly LabelledRecord[], split: RuleSplit, extraFlags?: ExtraFlags): { scored: ScoredRecord[]; ruleCount: number } {
  const selected = rulesForSplit(rules, split);
  const set = compileRules(selected);
  const names = new Set(selected.map((rule) => rule.name));
  const flagsOf = (context: CommentContext) => {
    const flags = evaluateComment(set, context);
    return extraFlags ? [...flags, ...extraFlags(context).filter((flag) => names.has(flag.ruleName))] : flags;
  };
  return { scored: records.map((record) => ({ record, flags: flagsOf(recordContext(record)) })), ruleCount: selected.length };
}

/** Every figure of the quality evaluation for one split: see docs/quality.md. */
export function evaluateLabelled(rules: readonly RuleDefinition[], records: readonly LabelledRecord[], split: RuleSplit, extraFlags?: ExtraFlags): QualityReport {
  const { scored, ruleCount } = scoreRecords(rules, records, split, extraFlags);
  return reportFromScored(rulesForSplit(rules, split), scored, split, ruleCount);
}

export function reportFromScored(rules: readonly RuleDefinition[], scored: readonly ScoredRecord[], split: RuleSplit, ruleCount = rules.length): QualityReport {
  const langs = [...new Set(scored.map(({ record }) => record.lang))];
  return {
    split,
    ruleCount,
    all: sliceFigures(scored),
    withoutBorderline: sliceFigures(scored.filter(({ record }) => !record.borderline)),
    byScript: langs.map((lang) => ({ lang, figures: sliceFigures(scored.filter(({ record }) => record.lang === lang)) })),
    confusion: confusionTable(scored),
    rules: ruleFigures(rules, scored),
    ...errorExamples(scored),
  };
}
