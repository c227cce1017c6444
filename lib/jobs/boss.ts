import "server-only";
import pg from "pg";
import PgBoss from "pg-boss";
import { isAdminShutdown } from "@/lib/db/admin-shutdown";
import { pgConfigFromUrl } from "@/lib/db/connection-url";
import { requireDatabaseUrl, requireDirectDatabaseUrl } from "@/lib/env";

// The one pg-boss instance of a process (jobs live in the `pgboss` schema it manages itself, beside
// Prisma's tables). Started on first use; kept on globalThis like the Prisma client.

export const RULE_RERUN_QUEUE = "rule-rerun";
/** Retrains the suggestion model when due and stores predictions for pending comments (suggestion-job.ts). */
export const SUGGESTION_QUEUE = "suggestion";
/** Recomputes the insights days changed since their last refresh (insights-rollup-job.ts). */
export const INSIGHTS_ROLLUP_QUEUE = "insights-rollup";
/** Starts delivering the webhook outbox's due deliveries (lib/webhooks/drain-webhook-outbox.ts). */
export const WEBHOOK_QUEUE = "webhooks";
/** Pulls each connected site when its sync is due (connector-sync-job.ts). */
export const CONNECTOR_SYNC_QUEUE = "connector-sync";
/** Starts pushing the connector outbox's due decisions to the sites (lib/connectors/drain-push-outbox.ts). */
export const CONNECTOR_PUSH_QUEUE = "connector-push";
/** Posts "not scored" comments to EXTERNAL rules' endpoints (lib/external-classifier/drain-external-scores.ts). */
export const EXTERNAL_SCORE_QUEUE = "external-scores";
/** Decides "all N matching this filter" in slices (bulk-run-job.ts). */
export const BULK_RUN_QUEUE = "bulk-run";

/**
 * Re-run jobs work in slices of at most SLICE_SECONDS and queue their own continuation, so a job
 * whose worker died is noticed quickly: it expires after EXPIRE_SECONDS and pg-boss retries it,
 * and the retry resumes from the pass's progress row.
 */
export const SLICE_SECONDS = 20;
const EXPIRE_SECONDS = 120;

/**
 * Held while pg-boss installs its schema and creates the queues: two app instances starting
 * together on a fresh database deadlocked there (each queue is a partition created by DDL), and
 * the instance that lost served on without its worker.
 */
const BOSS_SETUP_LOCK = 7_240_020;

const holder = globalThis as unknown as { moddeskBoss?: Promise<PgBoss> };

export function getBoss(): Promise<PgBoss> {
  holder.moddeskBoss ??= startBoss().catch((error: unknown) => {
    holder.moddeskBoss = undefined;
    throw error;
  });
  return holder.moddeskBoss;
}

/**
 * Runs `setup` under a session-level advisory lock on a connection of its own, straight to PostgreSQL
 * (DIRECT_DATABASE_URL): through a transaction-pooling PgBouncer the lock would stay with a server
 * connection after this client left, and the next instance to start would wait on it for ever.
 */
async function withSetupLock<T>(setup: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ ...pgConfigFromUrl(requireDirectDatabaseUrl()), application_name: "moddesk-jobs-setup" });
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [BOSS_SETUP_LOCK]);
    try {
      return await setup();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [BOSS_SETUP_LOCK]).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}

async function startBoss(): Promise<PgBoss> {
  const databaseUrl = requireDatabaseUrl();
  const { host, port, user, password, database, ssl } = pgConfigFromUrl(databaseUrl);
  const boss = new PgBoss({
    host, port, user, password: typeof password === "string" ? password : undefined, database, ssl,
    schema: "pgboss",
    application_name: "moddesk-jobs",
    max: 4,
    // No cron schedules in Moddesk; maintenance (expiry → retry) runs often so dead jobs resume soon.
    schedule: false,
    maintenanceIntervalSeconds: 30,
  });
  boss.on("error", (error) => {
    if (!isAdminShutdown(error)) console.error("[jobs]", error);
  });
  try {
    await withSetupLock(async () => {
      await boss.start();
      await createQueues(boss);
    });
  } catch (error) {
    // Started but a queue refused: stop it, or a retry would leave two instances polling.
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    throw error;
  }
  return boss;
}

async function createQueues(boss: PgBoss): Promise<void> {
  await boss.createQueue(BULK_RUN_QUEUE, { name: BULK_RUN_QUEUE, policy: "standard", retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: EXPIRE_SECONDS });
  await boss.createQueue(RULE_RERUN_QUEUE, { name: RULE_RERUN_QUEUE, policy: "standard", retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: EXPIRE_SECONDS });
  // "stately": at most one job queued (per singleton key) and one running, so a thousand sends
  // while one waits are one job. Both work in slices and re-send themselves.
  for (const name of [SUGGESTION_QUEUE, INSIGHTS_ROLLUP_QUEUE, WEBHOOK_QUEUE, CONNECTOR_SYNC_QUEUE, CONNECTOR_PUSH_QUEUE, EXTERNAL_SCORE_QUEUE]) {
    await boss.createQueue(name, { name, policy: "stately", retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: EXPIRE_SECONDS });
  }
}

export async function stopBoss(): Promise<void> {
  const pending = holder.moddeskBoss;
  holder.moddeskBoss = undefined;
  const boss = await pending?.catch(() => undefined);
  await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
}
