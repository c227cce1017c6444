import "server-only";
import type PgBoss from "pg-boss";
import { startDrainingDueEndpoints } from "@/lib/webhooks/drain-webhook-outbox";
import { WEBHOOK_QUEUE } from "./boss";
import { sendTick } from "./periodic-jobs";

/** Seconds between looks at the outbox: the longest a new event waits before its first attempt. */
const WEBHOOK_TICK_SECONDS = 2;

/** Starts a drain for each endpoint with due deliveries (not awaited: receivers never hold the job). */
export async function handleWebhookJob(boss: PgBoss): Promise<void> {
  try {
    await startDrainingDueEndpoints();
  } finally {
    await sendTick(boss, WEBHOOK_QUEUE, WEBHOOK_TICK_SECONDS);
  }
}
