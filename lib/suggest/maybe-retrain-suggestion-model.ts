import "server-only";
import { db } from "@/lib/db/client";
import { countDecisionsSince, countHumanDecidedComments } from "./count-decisions";
import { MIN_DECISIONS, RETRAIN_EVERY } from "./model-settings";
import { trainSuggestionModel, type TrainOutcome } from "./train-suggestion-model";

/**
 * Cheap to call often: two bounded counts, and training only when there is no model yet and
 * enough decisions, or RETRAIN_EVERY decisions were made since the last training.
 */
export async function maybeRetrainSuggestionModel(): Promise<TrainOutcome | { status: "fresh"; newDecisions: number }> {
  const latest = await db.suggestionModel.findFirst({ orderBy: { trainedAt: "desc" }, select: { trainedAt: true } });
  if (!latest) {
    const decided = await countHumanDecidedComments(MIN_DECISIONS);
    if (decided < MIN_DECISIONS) return { status: "off", why: `needs ${MIN_DECISIONS} decisions, has ${decided}`, decisions: decided };
    return trainSuggestionModel();
  }
  const newDecisions = await countDecisionsSince(latest.trainedAt, RETRAIN_EVERY);
  if (newDecisions < RETRAIN_EVERY) return { status: "fresh", newDecisions };
  return trainSuggestionModel();
}
