import "server-only";
import { AppError } from "@/lib/errors";
import type { RuleDraft } from "@/lib/rules/rule-draft-schema";
import { externalRuleOf, externalSigningOf, type ExternalRule } from "./external-rules";

/**
 * A draft EXTERNAL rule ready to call its endpoint (test bench, backtest). Signed with the saved
 * rule's secret when the draft edits one, so the endpoint can verify it as it will in production;
 * an unsaved draft has no secret yet and signs with a throwaway one (`isThrowawaySecret`).
 */
export async function draftExternalRule(draft: RuleDraft, ruleId: number | undefined): Promise<{ rule: ExternalRule; isThrowawaySecret: boolean }> {
  const stored = ruleId === undefined ? undefined : await externalSigningOf(ruleId);
  const rule = externalRuleOf({ id: ruleId ?? 0, version: 0, name: draft.name, category: draft.category, action: draft.action, severity: draft.severity, config: draft.config }, stored);
  if (rule === null) throw new AppError("INVALID", "This draft is not a valid EXTERNAL rule.");
  return { rule, isThrowawaySecret: stored === undefined };
}
