import "server-only";
import { AppError } from "@/lib/errors";
import { compileRules } from "@/lib/detect/compile-rules";
import { RuleCompileError } from "@/lib/detect/compiled-rule";
import { evaluateComment } from "@/lib/detect/evaluate-comment";
import { backtestExternal } from "@/lib/external-classifier/backtest-external";
import { walkBacktest, type BacktestOptions, type BacktestResult } from "./backtest-walk";
import type { RuleDraft } from "./rule-draft-schema";

export type { BacktestOptions, BacktestResult, BacktestSample } from "./backtest-walk";

/** What a draft rule would match among the stored comments, newest rules untouched; writes nothing. */
export async function backtestRule(draft: RuleDraft, options: BacktestOptions = {}, ruleId?: number): Promise<BacktestResult> {
  // The engine never runs an EXTERNAL rule: its endpoint scores the comments, in batches.
  if (draft.kind === "EXTERNAL") return backtestExternal(draft, ruleId, options);
  const set = compileDraft(draft);
  return walkBacktest(options, { batchSize: 2_000, timeBudgetMs: 5_000 }, async (batch) => ({
    flags: batch.map((comment) => evaluateComment(set, comment.context)[0]),
  }));
}

function compileDraft(draft: RuleDraft) {
  try {
    return compileRules([{ ...draft, id: "draft", version: 0, enabled: true }]);
  } catch (error) {
    if (error instanceof RuleCompileError) throw new AppError("INVALID", error.detail);
    throw error;
  }
}
