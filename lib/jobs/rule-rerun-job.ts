import "server-only";
import type PgBoss from "pg-boss";
import { RuleCompileError } from "@/lib/detect/compiled-rule";
import { recordRerunError, runRuleRerunSlice } from "@/lib/rules/run-rule-rerun";
import { RULE_RERUN_QUEUE, SLICE_SECONDS } from "./boss";
import type { RuleRerunJobData } from "./enqueue-rule-rerun";

/**
 * Handles one job of the rule-rerun queue: a slice of the pass, then a continuation job (sent
 * first in priority) when comments remain. A failing slice is retried by pg-boss; a rule that
 * does not compile fails the pass at once (retrying cannot fix it).
 */
export async function handleRuleRerunJob(boss: PgBoss, job: PgBoss.JobWithMetadata<RuleRerunJobData>): Promise<void> {
  const { rerunId } = job.data;
  try {
    const slice = await runRuleRerunSlice(rerunId, { deadline: Date.now() + SLICE_SECONDS * 1000 });
    if (!slice.done) await boss.send(RULE_RERUN_QUEUE, { rerunId }, { priority: 10 });
  } catch (error) {
    const isFinal = error instanceof RuleCompileError || job.retryCount >= job.retryLimit;
    await recordRerunError(rerunId, error, isFinal).catch(() => {});
    if (!isFinal) throw error;
  }
}
