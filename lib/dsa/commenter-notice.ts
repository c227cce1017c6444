import type { DsaSettings } from "./dsa-settings";
import { EEA_COUNTRY_CODES } from "./transparency-statement-schema";
import { flagsBeforeDecision, isDecidedByAutomatedMeans, isDetectedByAutomatedMeans, reasonWords, type HideDecisionFacts } from "./statement-of-reasons";

// The statement of reasons in plain language, for the site to show or email to the commenter
// (DSA Art. 17: clear, specific, and saying how to contest). Plain text, never HTML: the site
// decides how to present it.

const longDay = (date: Date) => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);

export function commenterNotice(facts: HideDecisionFacts, settings: DsaSettings): string {
  const words = reasonWords(facts.reason);
  const automatedRules = flagsBeforeDecision(facts).map((flag) => flag.ruleName);
  const lines = [
    `Your comment on "${facts.articleTitle}", posted on ${longDay(facts.postedAt)}, is no longer visible on ${settings.serviceName}.`,
    "",
    `What we decided: on ${longDay(facts.decidedAt)} we ${settings.visibility === "REMOVED" ? "removed" : "hid"} the comment${settings.territorialScope.length === EEA_COUNTRY_CODES.length ? "" : ` for readers in ${settings.territorialScope.join(", ")}`}. Nothing else about your account changed.`,
    `Why: ${words.explanation}`,
    `The rule it breaks: ${settings.termsGround}${settings.termsUrl ? ` (${settings.termsUrl})` : ""}.`,
  ];
  if (settings.publishNotes && facts.note) lines.push(`The moderator's note: ${facts.note}`);
  lines.push(
    isDecidedByAutomatedMeans(facts)
      ? "How it was decided: automatically, by a moderation rule that hides matching comments without waiting for a person. No moderator reviewed it before it was hidden."
      : isDetectedByAutomatedMeans(facts)
        ? `How it was decided: our automated rules flagged the comment for review${automatedRules.length > 0 ? ` (${[...new Set(automatedRules)].join(", ")})` : ""}, and a moderator read it and decided.`
        : "How it was decided: a moderator read the comment and decided; no automated means were used.",
    "",
    `How to contest it: ${settings.redressText}`,
    "",
    `Reference: ${settings.puidPrefix}-comment-${facts.commentId}-decision-${facts.decisionId}`,
  );
  return lines.join("\n");
}
