import type { DsaSettings } from "./dsa-settings";
import type { TransparencyStatement } from "./transparency-statement-schema";

// Turns one hide decision into the statement of reasons the DSA asks for (Art. 17): the restriction,
// its ground, the facts, whether automated means detected or decided it, and redress. Pure: the
// same facts and settings always give the same statement.

export type HideReason = "OFF_TOPIC" | "NATIONALIST" | "ABUSIVE" | "SPAM" | "OTHER";

export interface HideDecisionFacts {
  decisionId: number;
  commentId: number;
  reason: HideReason | null;
  note: string | null;
  decidedAt: Date;
  /** Null for a system decision (an AUTO_HIDE rule). */
  moderatorId: string | null;
  postedAt: Date;
  articleTitle: string;
  /** The rule flags the comment carried. */
  flags: { ruleName: string; category: string; reason: string; createdAt: Date }[];
}

/** Grace for flags written in the same transaction as the decision (import, re-run). */
const SAME_TRANSACTION_MS = 1_000;

const REASON_WORDS: Record<HideReason, { label: string; explanation: string }> = {
  NATIONALIST: {
    label: "hostility toward a nation, people or religion",
    explanation: "The comment attacks a nation, a people or a religion as a whole, which the terms for reader comments do not allow.",
  },
  ABUSIVE: {
    label: "abuse",
    explanation: "The comment insults, threatens or harasses a person or a group, which the terms for reader comments do not allow.",
  },
  OFF_TOPIC: {
    label: "off-topic",
    explanation: "The comment is unrelated to the article and its discussion; the terms for reader comments ask comments to stay on topic.",
  },
  SPAM: {
    label: "spam",
    explanation: "The comment is advertising, link farming or repeated content, which the terms for reader comments do not allow.",
  },
  OTHER: {
    label: "another breach of the terms",
    explanation: "The comment breaks the terms for reader comments.",
  },
};

const CATEGORY_OF_REASON: Record<HideReason, TransparencyStatement["category"]> = {
  NATIONALIST: "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
  ABUSIVE: "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
  OFF_TOPIC: "STATEMENT_CATEGORY_OTHER_VIOLATION_TC",
  SPAM: "STATEMENT_CATEGORY_OTHER_VIOLATION_TC",
  OTHER: "STATEMENT_CATEGORY_OTHER_VIOLATION_TC",
};

export function reasonWords(reason: HideReason | null) {
  return REASON_WORDS[reason ?? "OTHER"];
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function isDecidedByAutomatedMeans(facts: HideDecisionFacts): boolean {
  return facts.moderatorId === null;
}

/** Flags that existed when the decision was taken: the automated detection the DSA asks about. */
export function flagsBeforeDecision(facts: HideDecisionFacts): HideDecisionFacts["flags"] {
  return facts.flags.filter((flag) => flag.createdAt.getTime() <= facts.decidedAt.getTime() + SAME_TRANSACTION_MS);
}

export function isDetectedByAutomatedMeans(facts: HideDecisionFacts): boolean {
  return isDecidedByAutomatedMeans(facts) || flagsBeforeDecision(facts).length > 0;
}

/** The facts and circumstances, in words a reader and a regulator can follow; no personal data. */
export function decisionFacts(facts: HideDecisionFacts, settings: DsaSettings): string {
  const words = reasonWords(facts.reason);
  const flags = flagsBeforeDecision(facts);
  const sentences = [
    `A reader comment (#${facts.commentId}) posted on ${isoDay(facts.postedAt)} under the article "${facts.articleTitle}" was hidden on ${isoDay(facts.decidedAt)} for ${words.label}.`,
    isDecidedByAutomatedMeans(facts)
      ? `The decision was taken automatically by a moderation rule set to hide matching comments without review (${flags.map((flag) => flag.ruleName).join(", ") || "an automatic rule"}).`
      : "A human moderator reviewed the comment and took the decision.",
  ];
  if (flags.length > 0 && !isDecidedByAutomatedMeans(facts)) {
    const described = [...new Set(flags.map((flag) => `${flag.ruleName} (${flag.category.toLowerCase().replaceAll("_", "-")})`))];
    sentences.push(`Before the decision, automated rules had flagged it for review: ${described.join(", ")}.`);
  }
  if (settings.publishNotes && facts.note) sentences.push(`Moderator's note: ${facts.note}`);
  return truncate(sentences.join(" "), 5000);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function transparencyStatementOf(facts: HideDecisionFacts, settings: DsaSettings): TransparencyStatement {
  const reason = facts.reason ?? "OTHER";
  return {
    decision_visibility: [settings.visibility === "REMOVED" ? "DECISION_VISIBILITY_CONTENT_REMOVED" : "DECISION_VISIBILITY_CONTENT_DISABLED"],
    decision_ground: "DECISION_GROUND_INCOMPATIBLE_CONTENT",
    ...(settings.termsUrl ? { decision_ground_reference_url: settings.termsUrl } : {}),
    incompatible_content_ground: settings.termsGround,
    incompatible_content_explanation: REASON_WORDS[reason].explanation,
    incompatible_content_illegal: "No",
    content_type: ["CONTENT_TYPE_TEXT"],
    category: CATEGORY_OF_REASON[reason],
    territorial_scope: [...settings.territorialScope],
    content_date: isoDay(facts.postedAt),
    application_date: isoDay(facts.decidedAt),
    end_date_visibility_restriction: null,
    decision_facts: decisionFacts(facts, settings),
    source_type: "SOURCE_VOLUNTARY",
    automated_detection: isDetectedByAutomatedMeans(facts) ? "Yes" : "No",
    automated_decision: isDecidedByAutomatedMeans(facts) ? "AUTOMATED_DECISION_FULLY" : "AUTOMATED_DECISION_NOT_AUTOMATED",
    puid: `${settings.puidPrefix}-comment-${facts.commentId}-decision-${facts.decisionId}`,
  };
}
