import "server-only";
import type PgBoss from "pg-boss";
import { maybeRetrainSuggestionModel } from "@/lib/suggest/maybe-retrain-suggestion-model";
import { storePendingSuggestions } from "@/lib/suggest/store-pending-suggestions";
import { SLICE_SECONDS, SUGGESTION_QUEUE } from "./boss";
import { sendTick } from "./periodic-jobs";

export type SuggestionJobOutcome = Awaited<ReturnType<typeof maybeRetrainSuggestionModel>> & { stored: number; isDone: boolean };

/**
 * One run of the suggestion queue: retrain when RETRAIN_EVERY decisions came since the last
 * training (or the first time), then predict the pending comments that have no prediction of the
 * current model (new comments; all of them after a retraining), for at most SLICE_SECONDS. What
 * is left goes to an immediate continuation; otherwise the next periodic run is queued.
 */
export async function handleSuggestionJob(boss: PgBoss): Promise<SuggestionJobOutcome> {
  const training = await maybeRetrainSuggestionModel();
  const stored = await storePendingSuggestions({ deadline: Date.now() + SLICE_SECONDS * 1000 });
  if (!stored.isDone) await boss.send(SUGGESTION_QUEUE, {}, { singletonKey: "continue" });
  else await sendTick(boss, SUGGESTION_QUEUE);
  return { ...training, ...stored };
}
