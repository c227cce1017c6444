import "server-only";
import { isRetrainDue } from "@/lib/suggest/is-retrain-due";
import { getBoss, SUGGESTION_QUEUE } from "./boss";

/** A check per process at most this often: a burst of decisions costs one pair of counts. */
const CHECK_EVERY_MS = 5_000;
const holder = globalThis as unknown as { moddeskRetrainCheckAt?: number };

/**
 * Called after each decision, never awaited by it: at most every CHECK_EVERY_MS, two bounded counts
 * decide whether the suggestion job is due, and if so it is enqueued under the singleton key "due"
 * (a stately queue: a thousand decisions enqueue one job). The job's periodic run catches up on
 * anything this misses (a check skipped in the throttle window, a decision from another process).
 */
export function noteDecisionForRetraining(now = Date.now()): void {
  if (holder.moddeskRetrainCheckAt !== undefined && now - holder.moddeskRetrainCheckAt < CHECK_EVERY_MS) return;
  holder.moddeskRetrainCheckAt = now;
  enqueueRetrainIfDue().catch((error: unknown) => console.error("[jobs] retrain check failed", error));
}

/** Enqueues the suggestion job when a retraining is due; its id, or null when not due or already queued. */
export async function enqueueRetrainIfDue(): Promise<string | null> {
  if (!(await isRetrainDue()).isDue) return null;
  const boss = await getBoss();
  return boss.send(SUGGESTION_QUEUE, {}, { singletonKey: "due" });
}
