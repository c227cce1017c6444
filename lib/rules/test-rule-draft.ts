import "server-only";
import { compileRules } from "@/lib/detect/compile-rules";
import { evaluateComment } from "@/lib/detect/evaluate-comment";
import type { FlagResult } from "@/lib/detect/types";
import type { RuleDraft } from "./rule-draft-schema";

/**
 * Runs a draft rule on one text with the server's model. The browser test bench runs every other
 * kind itself; CLASSIFIER drafts come here so the model's weights never ship to the browser.
 */
export function testRuleDraft(draft: RuleDraft, text: string, articleText?: string): FlagResult | null {
  const set = compileRules([{ ...draft, id: "draft", version: 0, enabled: true }]);
  return evaluateComment(set, { body: text, articleText })[0] ?? null;
}
