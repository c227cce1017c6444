import "server-only";
import { db } from "@/lib/db/client";
import { RuleCompileError } from "@/lib/detect/compiled-rule";
import { loadRuleEvaluator } from "./load-rule-evaluator";
import { rerunRulesBatch, type Evaluate } from "./rerun-rules-batch";

export interface RerunSliceOptions {
  batchSize?: number;
  /** Stop after this many batches (tests interrupt a pass this way). */
  maxBatches?: number;
  /** Stop at the first batch boundary after this time (ms since epoch): keeps jobs short. */
  deadline?: number;
  /** The rules to apply; by default the enabled rules of the database, compiled once per slice. */
  evaluate?: Evaluate;
}

/** Runs batches of a re-run until it is done or a limit is reached; resumable any number of times. */
export async function runRuleRerunSlice(rerunId: number, options: RerunSliceOptions = {}): Promise<{ done: boolean; processed: number }> {
  const evaluate = options.evaluate ?? (await loadRuleEvaluator());
  // 2,000 rows a step: ~0.2 s of row locks, and 1.6x the throughput of 500 (measured on 50k comments).
  const batchSize = options.batchSize ?? 2_000;
  const articles = new Map<number, string>();
  let processed = 0;
  for (let batches = 0; ; batches += 1) {
    if (batches >= (options.maxBatches ?? Number.POSITIVE_INFINITY) || (options.deadline !== undefined && Date.now() > options.deadline)) return { done: false, processed };
    const step = await rerunRulesBatch(rerunId, evaluate, { batchSize, articles });
    processed += step.processed;
    if (step.done) return { done: true, processed };
  }
}

/** Marks a pass failed (final) or notes the error of an attempt pg-boss will retry. */
export async function recordRerunError(rerunId: number, error: unknown, isFinal: boolean): Promise<void> {
  const message = error instanceof RuleCompileError ? `A rule does not compile: ${error.message}` : error instanceof Error ? error.message : String(error);
  await db.ruleRerun.updateMany({
    where: { id: rerunId, status: { in: ["QUEUED", "RUNNING"] } },
    data: isFinal ? { status: "FAILED", error: message, finishedAt: new Date() } : { error: `${message} (retrying)` },
  });
}
