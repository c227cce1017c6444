import "server-only";
import { env } from "@/lib/env";
import { getBoss, RULE_RERUN_QUEUE } from "./boss";
import type { RuleRerunJobData } from "./enqueue-rule-rerun";
import { handleRuleRerunJob } from "./rule-rerun-job";

/**
 * Starts the background workers inside the Next server process (instrumentation.ts), so that
 * `npm start` stays one command. One job at a time: a re-run is database-bound anyway.
 */
export async function startJobWorker(): Promise<void> {
  // `next build` and tools without a database have nothing to work on.
  if (!env().DATABASE_URL) return;
  const boss = await getBoss();
  await boss.work<RuleRerunJobData>(RULE_RERUN_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1, includeMetadata: true }, async (jobs) => {
    for (const job of jobs) await handleRuleRerunJob(boss, job);
  });
}
