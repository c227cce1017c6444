import "server-only";
import type PgBoss from "pg-boss";
import { CONNECTOR_PUSH_QUEUE, CONNECTOR_SYNC_QUEUE, EXTERNAL_SCORE_QUEUE, INSIGHTS_ROLLUP_QUEUE, SUGGESTION_QUEUE, WEBHOOK_QUEUE } from "./boss";

/** How often the suggestion and rollup jobs look for work when nothing asks them sooner. */
export const TICK_SECONDS = 15;

/** The queues worked by a self-renewing tick. */
type TickQueue = typeof SUGGESTION_QUEUE | typeof INSIGHTS_ROLLUP_QUEUE | typeof WEBHOOK_QUEUE | typeof CONNECTOR_SYNC_QUEUE | typeof CONNECTOR_PUSH_QUEUE | typeof EXTERNAL_SCORE_QUEUE;

/**
 * The next periodic run (singleton key "tick"; the stately queue keeps at most one queued).
 * Sent by the worker at start and by each run as it finishes, instead of pg-boss cron: the
 * instance runs with schedule: false (boss.ts).
 */

export async function sendTick(boss: PgBoss, queue: TickQueue, startAfterSeconds = TICK_SECONDS): Promise<string | null> {
  return boss.send(queue, {}, { singletonKey: "tick", startAfter: startAfterSeconds });
}
