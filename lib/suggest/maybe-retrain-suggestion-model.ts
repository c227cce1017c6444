import "server-only";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { isRetrainDue } from "./is-retrain-due";
import { trainSuggestionModel, type TrainOutcome } from "./train-suggestion-model";

/**
 * Trains only when there is no model yet and enough decisions, or RETRAIN_EVERY decisions were
 * made since the last training. The suggestion job (lib/jobs/suggestion-job.ts) calls it.
 */
export async function maybeRetrainSuggestionModel(): Promise<TrainOutcome | { status: "fresh"; newDecisions: number }> {
  const due = await isRetrainDue();
  if (due.isDue) return trainSuggestionModel(SYSTEM_ACTOR, { onlyIfDue: true });
  return due.hasModel ? { status: "fresh", newDecisions: due.decisions } : { status: "off", why: due.why, decisions: due.decisions };
}
