// Shapes shared by the suggestion model, its storage and the queue card.

export const REASONS = ["OFF_TOPIC", "NATIONALIST", "ABUSIVE", "SPAM", "OTHER"] as const;
export type Reason = (typeof REASONS)[number];
export type SuggestedAction = "HIDE" | "APPROVE";

/** One human decision to learn from: the comment's text and what a moderator did with it. */
export interface TrainingExample {
  text: string;
  action: SuggestedAction;
  /** Why it was hidden; null for approvals. */
  reason: Reason | null;
  decidedAt: Date;
}

export interface WeighingWord {
  /** A normalized word or two-word phrase of the comment. */
  text: string;
  /** Natural-log odds it adds towards the suggested action. */
  weight: number;
}

/** A suggestion for one comment. Plain data (ISO date string) so a server page can pass it to any component. */
export interface Suggestion {
  commentId: number;
  action: SuggestedAction;
  /** Model's probability of the suggested action, 0.5–1. */
  confidence: number;
  /** The likely reason when the suggestion is to hide. */
  reason: Reason | null;
  reasonConfidence: number | null;
  words: WeighingWord[];
  modelId: number;
  trainedAt: string;
}
