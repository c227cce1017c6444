import "server-only";
import { EXTERNAL_BATCH_SIZE } from "@/lib/detect/external-answer";
import { AppError } from "@/lib/errors";
import { walkBacktest, type BacktestOptions, type BacktestResult } from "@/lib/rules/backtest-walk";
import type { RuleDraft } from "@/lib/rules/rule-draft-schema";
import { draftExternalRule } from "./draft-external-rule";
import { scoreBatch } from "./score-batch";

/**
 * The backtest of an EXTERNAL draft: the stored comments, newest rules untouched, sent to the
 * endpoint in batches until the time budget is spent. An endpoint that fails on the first batch is
 * an error in words; one that fails later stops the backtest and says so (`endpointError`).
 */
export async function backtestExternal(draft: RuleDraft, ruleId: number | undefined, options: BacktestOptions = {}): Promise<BacktestResult> {
  const { rule } = await draftExternalRule(draft, ruleId);
  return walkBacktest(options, { batchSize: EXTERNAL_BATCH_SIZE, timeBudgetMs: 10_000 }, async (batch, isFirst) => {
    const scored = await scoreBatch(rule, batch.map((comment) => ({ id: String(comment.id), text: comment.context.body })));
    if (scored.ok) return { flags: batch.map((comment) => scored.flags.get(String(comment.id))?.[0]) };
    if (isFirst) throw new AppError("INVALID", `The endpoint did not score the first ${batch.length} comments: ${scored.message}`);
    return { stop: scored.message };
  });
}
