// Contract of the pre-flag rules engine. Pure: no database, no I/O.

export const RULE_CATEGORIES = ["OFF_TOPIC", "NATIONALIST", "ABUSIVE", "SPAM"] as const;
export type RuleCategory = (typeof RULE_CATEGORIES)[number];

export const RULE_KINDS = ["TERMS", "REGEX", "NEAR", "OFF_TOPIC", "SHOUTING", "LINKS", "REPETITION", "CLASSIFIER", "EXTERNAL"] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const RULE_ACTIONS = ["FLAG", "HOLD", "AUTO_HIDE"] as const;
export type RuleAction = (typeof RULE_ACTIONS)[number];

/** A rule as stored (config is validated per kind by lib/detect/schemas.ts). */
export interface RuleDefinition {
  id: string;
  name: string;
  description?: string;
  category: RuleCategory;
  kind: RuleKind;
  config: unknown;
  /** 1 (low) to 5 (high): how far a match raises the comment in the queue. */
  severity: number;
  action: RuleAction;
  enabled: boolean;
  version: number;
}

/** [start, end) offsets, in UTF-16 code units, into the ORIGINAL comment text. */
export type Span = [number, number];

export interface FlagResult {
  ruleId: string;
  ruleVersion: number;
  ruleName: string;
  category: RuleCategory;
  action: RuleAction;
  severity: number;
  /** 0..1: strength of the match. */
  score: number;
  spans: Span[];
  /** One human sentence: why this rule fired ("'stupid' near 'India' (3 words apart)"). */
  reason: string;
}

export interface CommentContext {
  body: string;
  /** Title + body of the article the comment belongs to (for off-topic). */
  articleText?: string;
  /** Body of the comment it replies to (for off-topic). */
  parentBody?: string;
  /** Who wrote it, for watch-list (AUTHOR) rules. */
  authorName?: string;
}
