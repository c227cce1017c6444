import "server-only";
import { db } from "@/lib/db/client";
import { countDecisionsSince, countHumanDecidedComments } from "./count-decisions";
import { beatsBaseline, MIN_DECISIONS, RETRAIN_EVERY } from "./model-settings";

export interface TrainedModelFigures {
  trainedAt: string;
  decisions: number;
  heldOutAccuracy: number;
  baselineAccuracy: number;
  /** Decisions since training, counted up to RETRAIN_EVERY. */
  newDecisions: number;
  retrainEvery: number;
}

export type ModelStatus = { state: "on"; model: TrainedModelFigures } | { state: "off"; why: string; model: TrainedModelFigures | null };

/** What the dashboard says about the suggestion model: its figures, or why it is off. */
export async function getModelStatus(): Promise<ModelStatus> {
  const latest = await db.suggestionModel.findFirst({
    orderBy: { trainedAt: "desc" },
    select: { trainedAt: true, decisions: true, heldOutAccuracy: true, baselineAccuracy: true },
  });
  if (!latest) {
    const decided = await countHumanDecidedComments(MIN_DECISIONS);
    const why = decided < MIN_DECISIONS ? `needs ${MIN_DECISIONS} decisions, has ${decided}` : `${MIN_DECISIONS}+ decisions: the suggestion job trains the first model within a minute`;
    return { state: "off", why, model: null };
  }
  const model: TrainedModelFigures = {
    trainedAt: latest.trainedAt.toISOString(),
    decisions: latest.decisions,
    heldOutAccuracy: latest.heldOutAccuracy,
    baselineAccuracy: latest.baselineAccuracy,
    newDecisions: await countDecisionsSince(latest.trainedAt, RETRAIN_EVERY),
    retrainEvery: RETRAIN_EVERY,
  };
  if (!beatsBaseline(latest)) {
    return { state: "off", why: "its held-out accuracy does not beat always suggesting the commonest decision", model };
  }
  return { state: "on", model };
}
