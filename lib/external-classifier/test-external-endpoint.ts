import "server-only";
import type { ExternalScore } from "@/lib/detect/external-answer";
import type { FlagResult } from "@/lib/detect/types";
import type { RuleDraft } from "@/lib/rules/rule-draft-schema";
import { draftExternalRule } from "./draft-external-rule";
import { scoreBatch } from "./score-batch";

export type EndpointTestResult =
  | { ok: true; latencyMs: number; answer: ExternalScore; flags: FlagResult[]; isThrowawaySecret: boolean }
  | { ok: false; latencyMs: number; message: string; isThrowawaySecret: boolean };

/** "Test the endpoint": one sample text, sent as the job sends comments; the answer as read and the flags it makes. */
export async function testExternalEndpoint(draft: RuleDraft, text: string, ruleId?: number): Promise<EndpointTestResult> {
  const { rule, isThrowawaySecret } = await draftExternalRule(draft, ruleId);
  const result = await scoreBatch(rule, [{ id: "sample", text }]);
  if (!result.ok) return { ok: false, latencyMs: result.latencyMs, message: result.message, isThrowawaySecret };
  return { ok: true, latencyMs: result.latencyMs, answer: result.scores.get("sample")!, flags: result.flags.get("sample") ?? [], isThrowawaySecret };
}
