import "server-only";
import { env } from "@/lib/env";
import { ensureDefaultRules } from "@/lib/setup/ensure-default-rules";
import { type BulkRunJobData, handleBulkRunJob } from "./bulk-run-job";
import { BULK_RUN_QUEUE, CONNECTOR_PUSH_QUEUE, CONNECTOR_SYNC_QUEUE, EXTERNAL_SCORE_QUEUE, getBoss, INSIGHTS_ROLLUP_QUEUE, RULE_RERUN_QUEUE, stopBoss, SUGGESTION_QUEUE, WEBHOOK_QUEUE } from "./boss";
import { handleConnectorPushJob, handleConnectorSyncJob } from "./connector-jobs";
import { handleExternalScoreJob } from "./external-score-job";
import type { RuleRerunJobData } from "./enqueue-rule-rerun";
import { handleInsightsRollupJob } from "./insights-rollup-job";
import { describeStartFailure, jobsDownMessage, jobWorkerStatus, setJobWorkerStatus, WORKER_RETRY_SECONDS } from "./job-worker-status";
import { sendTick } from "./periodic-jobs";
import { handleRuleRerunJob } from "./rule-rerun-job";
import { handleSuggestionJob } from "./suggestion-job";
import { handleWebhookJob } from "./webhook-job";

/**
 * Starts the background workers inside the Next server process (instrumentation.ts), so that
 * `npm start` stays one command. One job at a time per queue: each is database-bound anyway.
 * The suggestion and rollup queues get a first run now; each run queues the next.
 */
export async function startJobWorker(): Promise<void> {
  // `next build` and tools without a database have nothing to work on.
  if (!env().DATABASE_URL) return;
  // The API can be the first thing to touch a fresh database (`next start` without `npm start`).
  await ensureDefaultRules((line) => console.log(line)).catch((error: unknown) => console.error("[setup] the default rules were not installed:", error));
  const boss = await getBoss();
  await boss.work<RuleRerunJobData>(RULE_RERUN_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1, includeMetadata: true }, async (jobs) => {
    for (const job of jobs) await handleRuleRerunJob(boss, job);
  });
  await boss.work<BulkRunJobData>(BULK_RUN_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1, includeMetadata: true }, async (jobs) => {
    for (const job of jobs) await handleBulkRunJob(boss, job);
  });
  await boss.work(SUGGESTION_QUEUE, { batchSize: 1, pollingIntervalSeconds: 2 }, () => handleSuggestionJob(boss));
  await boss.work(INSIGHTS_ROLLUP_QUEUE, { batchSize: 1, pollingIntervalSeconds: 2 }, () => handleInsightsRollupJob(boss));
  await boss.work(WEBHOOK_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, () => handleWebhookJob(boss));
  await boss.work(CONNECTOR_SYNC_QUEUE, { batchSize: 1, pollingIntervalSeconds: 5 }, () => handleConnectorSyncJob(boss));
  await boss.work(CONNECTOR_PUSH_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, () => handleConnectorPushJob(boss));
  await boss.work(EXTERNAL_SCORE_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, () => handleExternalScoreJob(boss));
  await sendTick(boss, WEBHOOK_QUEUE, 0);
  await sendTick(boss, CONNECTOR_PUSH_QUEUE, 0);
  await sendTick(boss, CONNECTOR_SYNC_QUEUE, 0);
  await sendTick(boss, EXTERNAL_SCORE_QUEUE, 0);
  await sendTick(boss, SUGGESTION_QUEUE, 0);
  await sendTick(boss, INSIGHTS_ROLLUP_QUEUE, 0);
}


/**
 * startJobWorker, loudly: a worker that cannot start (say the app's role may not create pg-boss's
 * schema) used to leave the app serving while re-runs, rollups and retraining silently never ran.
 * Now the reason is kept for the health probe (app/api/health) and the admins' banner, logged in
 * one line (again only when it changes), and the start is retried, so fixing the grant is enough.
 */
export async function startJobWorkerLoudly(log: Pick<Console, "log" | "error"> = console): Promise<void> {
  if (!env().DATABASE_URL) {
    setJobWorkerStatus({ state: "off", since: new Date().toISOString() });
    return;
  }
  const previous = jobWorkerStatus();
  if (previous.state !== "down") setJobWorkerStatus({ state: "starting", since: new Date().toISOString() });
  try {
    await startJobWorker();
    setJobWorkerStatus({ state: "running", since: new Date().toISOString() });
    if (previous.state === "down") log.log("[jobs] Background jobs are running again.");
  } catch (error) {
    // A half-started instance (schema made, a queue refused) would register its workers twice on retry.
    await stopBoss().catch(() => {});
    const reason = describeStartFailure(error);
    if (previous.state !== "down" || previous.reason !== reason) log.error(`[jobs] ${jobsDownMessage(reason, WORKER_RETRY_SECONDS)}`);
    setJobWorkerStatus({ state: "down", since: previous.state === "down" ? previous.since : new Date().toISOString(), reason });
    // Only if still down then: a start that succeeded meanwhile must not register the workers twice.
    setTimeout(() => {
      if (jobWorkerStatus().state === "down") void startJobWorkerLoudly(log);
    }, WORKER_RETRY_SECONDS * 1000).unref();
  }
}
