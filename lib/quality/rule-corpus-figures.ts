import type { RuleFigures } from "@/lib/detect/quality/rule-figures";
import { ruleFingerprint } from "@/lib/detect/quality/rule-fingerprint";
import type { RuleDefinition } from "@/lib/detect/types";

// quality/rule-figures.json: each rule's figures on the labelled corpus, recorded by
// `npm run quality:check -- --record` where ../shared exists, shown on the Rules page of an
// installation that has no corpus. Keyed by rule name; the fingerprint says which config was measured.

export interface RuleCorpusEntry {
  fingerprint: string;
  category: string;
  isModel: boolean;
  /** Per corpus split, and both together. */
  splits: Record<"dev" | "test" | "all", { fired: number; precision: [number, number]; recall: [number, number]; cleanFlagged: number }>;
}

export interface RuleCorpusFile {
  about: string;
  comments: Record<"dev" | "test" | "all", number>;
  rules: Record<string, RuleCorpusEntry>;
}

type SplitFigures = RuleCorpusEntry["splits"]["all"];

const compact = (figures: RuleFigures): SplitFigures => ({
  fired: figures.fired,
  precision: [figures.precision.hits, figures.precision.total],
  recall: [figures.recall.hits, figures.recall.total],
  cleanFlagged: figures.cleanFlagged,
});

/** The file's content from each rule's figures on dev, test and both (rules listed in the same order in all three). */
export function ruleCorpusFile(rules: readonly RuleDefinition[], bySplit: { dev: RuleFigures[]; test: RuleFigures[]; all: RuleFigures[] }, comments: RuleCorpusFile["comments"]): RuleCorpusFile {
  const entries: RuleCorpusFile["rules"] = {};
  for (const rule of rules) {
    const find = (list: RuleFigures[]) => compact(list.find((figures) => figures.name === rule.name)!);
    entries[rule.name] = {
      fingerprint: ruleFingerprint(rule),
      category: rule.category,
      isModel: bySplit.all.find((figures) => figures.name === rule.name)?.isModel ?? false,
      splits: { dev: find(bySplit.dev), test: find(bySplit.test), all: find(bySplit.all) },
    };
  }
  return {
    about: "Each rule's precision and recall ([hits, total]) on ../shared/corpus, by `npm run quality:check -- --record`. See docs/quality.md.",
    comments,
    rules: entries,
  };
}

export type RuleCorpusStatus =
  | { state: "measured"; figures: SplitFigures; comments: number; byName: RuleCorpusEntry }
  | { state: "edited"; figures: SplitFigures; comments: number; byName: RuleCorpusEntry }
  | { state: "not-measured" };

/** What the Rules page says about one stored rule: its recorded figures, stale ones, or none. */
export function ruleCorpusStatus(file: RuleCorpusFile, rule: { name: string; kind: string; category: string; config: unknown }): RuleCorpusStatus {
  const entry = file.rules[rule.name];
  if (!entry) return { state: "not-measured" };
  const state = entry.fingerprint === ruleFingerprint(rule) ? "measured" : "edited";
  return { state, figures: entry.splits.all, comments: file.comments.all, byName: entry };
}
