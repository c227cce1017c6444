import { RULE_CATEGORIES, type FlagResult, type RuleCategory } from "../types";
import { HOSTILE_CATEGORIES, LABEL_CATEGORY, isCleanRecord, isHostileRecord, type LabelledRecord } from "./labelled-record";

/** A labelled record and the flags the rules raised on it. */
export interface ScoredRecord {
  record: LabelledRecord;
  flags: FlagResult[];
}

/** hits / total, null when there is nothing to divide by (no comment of that kind). */
export interface Share {
  hits: number;
  total: number;
  value: number | null;
}

export interface CategoryFigures {
  category: RuleCategory;
  /** Comments labelled with this category's label. */
  labelled: number;
  /** Comments with at least one flag of this category. */
  flagged: number;
  /** Both. */
  correct: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface SliceFigures {
  comments: number;
  /** Labelled nationalist or abusive, caught by a NATIONALIST or ABUSIVE flag. */
  hostileRecall: Share;
  /** Of the comments a NATIONALIST or ABUSIVE flag caught, the share labelled nationalist or abusive. */
  hostilePrecision: Share;
  /** Comments without any label that got any flag. */
  cleanFlagRate: Share;
  categories: CategoryFigures[];
}

export function share(hits: number, total: number): Share {
  return { hits, total, value: total === 0 ? null : hits / total };
}

export function flagCategories(flags: readonly FlagResult[]): Set<RuleCategory> {
  return new Set(flags.map((flag) => flag.category));
}

export function labelCategories(record: LabelledRecord): Set<RuleCategory> {
  return new Set(record.labels.map((label) => LABEL_CATEGORY[label]));
}

export function isCaught(flags: readonly FlagResult[]): boolean {
  return flags.some((flag) => HOSTILE_CATEGORIES.includes(flag.category));
}

export function f1Score(precision: number | null, recall: number | null): number | null {
  if (precision === null || recall === null) return null;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

export function sliceFigures(scored: readonly ScoredRecord[]): SliceFigures {
  let hostile = 0, caught = 0, caughtAny = 0, caughtHostile = 0, clean = 0, cleanFlagged = 0;
  const labelled = new Map<RuleCategory, number>();
  const flagged = new Map<RuleCategory, number>();
  const correct = new Map<RuleCategory, number>();
  const bump = (map: Map<RuleCategory, number>, category: RuleCategory) => map.set(category, (map.get(category) ?? 0) + 1);
  for (const { record, flags } of scored) {
    const isHostile = isHostileRecord(record);
    const wasCaught = isCaught(flags);
    if (isHostile) hostile += 1;
    if (isHostile && wasCaught) caught += 1;
    if (wasCaught) caughtAny += 1;
    if (wasCaught && isHostile) caughtHostile += 1;
    if (isCleanRecord(record)) {
      clean += 1;
      if (flags.length > 0) cleanFlagged += 1;
    }
    const expected = labelCategories(record);
    const raised = flagCategories(flags);
    for (const category of expected) bump(labelled, category);
    for (const category of raised) {
      bump(flagged, category);
      if (expected.has(category)) bump(correct, category);
    }
  }
  return {
    comments: scored.length,
    hostileRecall: share(caught, hostile),
    hostilePrecision: share(caughtHostile, caughtAny),
    cleanFlagRate: share(cleanFlagged, clean),
    categories: RULE_CATEGORIES.map((category) => {
      const counts = { labelled: labelled.get(category) ?? 0, flagged: flagged.get(category) ?? 0, correct: correct.get(category) ?? 0 };
      const precision = share(counts.correct, counts.flagged).value;
      const recall = share(counts.correct, counts.labelled).value;
      return { category, ...counts, precision, recall, f1: f1Score(precision, recall) };
    }),
  };
}

/** Rows: each label and "clean"; columns: each flag category and "none". A comment counts once in every row of its labels and every column of its flags. */
export interface ConfusionTable {
  rows: string[];
  columns: string[];
  counts: number[][];
}

export function confusionTable(scored: readonly ScoredRecord[]): ConfusionTable {
  const rows = [...Object.keys(LABEL_CATEGORY), "clean"];
  const columns = [...RULE_CATEGORIES, "none"];
  const counts = rows.map(() => columns.map(() => 0));
  for (const { record, flags } of scored) {
    const rowNames = record.labels.length === 0 ? ["clean"] : record.labels;
    const raised = flagCategories(flags);
    const columnNames = raised.size === 0 ? ["none"] : [...raised];
    for (const row of rowNames) {
      for (const column of columnNames) counts[rows.indexOf(row)]![columns.indexOf(column)]! += 1;
    }
  }
  return { rows, columns, counts };
}
