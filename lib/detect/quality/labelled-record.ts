import type { CommentContext, RuleCategory } from "../types";

// The labels of ../shared/corpus/GUIDELINES.md, and the flag category each one expects.
export const QUALITY_LABELS = ["nationalist", "abusive", "off-topic", "spam"] as const;
export type QualityLabel = (typeof QUALITY_LABELS)[number];

export const LABEL_CATEGORY: Record<QualityLabel, RuleCategory> = {
  nationalist: "NATIONALIST",
  abusive: "ABUSIVE",
  "off-topic": "OFF_TOPIC",
  spam: "SPAM",
};

/** A comment counts as caught when one of these fires (the guideline's "hostile"). */
export const HOSTILE_CATEGORIES: readonly RuleCategory[] = ["NATIONALIST", "ABUSIVE"];

/** One labelled comment: a corpus record (../shared/corpus/*.jsonl) or a line of a desk's file. */
export interface LabelledRecord {
  /** Where it came from ("test.jsonl:12"), so a miss can be found without copying its text. */
  id: string;
  text: string;
  article?: { title: string; url?: string };
  parent?: string;
  labels: QualityLabel[];
  borderline: boolean;
  /** Script: latin, ta (Tamil), hi-deva (Devanagari), or whatever a file states. */
  lang: string;
  thread: string;
}

export function isHostileRecord(record: LabelledRecord): boolean {
  return record.labels.includes("nationalist") || record.labels.includes("abusive");
}

export function isCleanRecord(record: LabelledRecord): boolean {
  return record.labels.length === 0;
}

/** What the rules see: the article title stands in for the article (the corpus keeps no body). */
export function recordContext(record: LabelledRecord): CommentContext {
  return { body: record.text, articleText: record.article?.title, parentBody: record.parent };
}

/** The script of a text without a stated one: the first Tamil or Devanagari letter decides. */
export function detectScript(text: string): string {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0x0b80 && code <= 0x0bff) return "ta";
    if (code >= 0x0900 && code <= 0x097f) return "hi-deva";
  }
  return "latin";
}
