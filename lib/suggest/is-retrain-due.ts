import "server-only";
import { db } from "@/lib/db/client";
import { countDecisionsSince, countHumanDecidedComments } from "./count-decisions";
import { MIN_DECISIONS, RETRAIN_EVERY } from "./model-settings";

export type RetrainDue = { isDue: true } | { isDue: false; why: string; decisions: number; hasModel: boolean };

/**
 * Two bounded counts: due when there is no model yet and enough human decisions, or RETRAIN_EVERY
 * decisions were made since the last training (index decision(createdAt, id)).
 */
export async function isRetrainDue(): Promise<RetrainDue> {
  const latest = await db.suggestionModel.findFirst({ orderBy: { trainedAt: "desc" }, select: { trainedAt: true } });
  if (!latest) {
    const decided = await countHumanDecidedComments(MIN_DECISIONS);
    return decided >= MIN_DECISIONS ? { isDue: true } : { isDue: false, why: `needs ${MIN_DECISIONS} decisions, has ${decided}`, decisions: decided, hasModel: false };
  }
  const newDecisions = await countDecisionsSince(latest.trainedAt, RETRAIN_EVERY);
  return newDecisions >= RETRAIN_EVERY ? { isDue: true } : { isDue: false, why: "fresh", decisions: newDecisions, hasModel: true };
}
