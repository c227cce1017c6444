import "server-only";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { recordAuditEvent, SYSTEM_ACTOR, type AuditActor } from "@/lib/audit/record-audit-event";
import { db, type Prisma } from "@/lib/db/client";
import { getDirectPgPool } from "@/lib/db/pg-pool";
import { shippedModel } from "@/lib/detect/classifier/shipped-model";
import { adaptBaseModel, modelDelta } from "./adapt-base-model";
import { evaluateFeatured } from "./evaluate-model";
import { isRetrainDue } from "./is-retrain-due";
import { loadTrainingExamples } from "./load-training-examples";
import { MIN_DECISIONS, TRAINING_LOCK } from "./model-settings";
import { featurize, trainFromFeatured, type FeaturedExample } from "./suggestion-model";
import type { TrainingExample } from "./types";

export type TrainOutcome =
  | { status: "trained"; modelId: number; trainedAt: Date; decisions: number; heldOutAccuracy: number; baselineAccuracy: number }
  | { status: "off"; why: string; decisions: number }
  | { status: "busy" };

const CHUNK = 500;

/**
 * Trains on this installation's human decisions and stores the model. The held-out figures come
 * from a time-based split (oldest 80% train, newest 20% scored); the stored model is then fitted
 * on all of them, since the newest decisions are the ones that matter most for what comes next.
 * One trainer at a time (advisory lock): a second caller gets "busy" and does nothing.
 * `onlyIfDue` (the job) asks again under the lock: two app instances may both have seen a
 * retraining due, and the second to get the lock finds the first's model and stops ("busy").
 */
export async function trainSuggestionModel(actor: AuditActor = SYSTEM_ACTOR, options: { onlyIfDue?: boolean } = {}): Promise<TrainOutcome> {
  const lockHolder = await getDirectPgPool().connect();
  try {
    const { rows } = await lockHolder.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [TRAINING_LOCK]);
    if (!rows[0]?.locked) return { status: "busy" };
    try {
      if (options.onlyIfDue && !(await isRetrainDue()).isDue) return { status: "busy" };
      return await trainLocked(actor);
    } finally {
      await lockHolder.query("SELECT pg_advisory_unlock($1)", [TRAINING_LOCK]).catch(() => {});
    }
  } finally {
    lockHolder.release();
  }
}

async function trainLocked(actor: AuditActor): Promise<TrainOutcome> {
  // Decisions made while this runs count towards the next retraining.
  const trainedAt = new Date();
  const examples = await loadTrainingExamples();
  if (examples.length < MIN_DECISIONS) return { status: "off", why: `needs ${MIN_DECISIONS} decisions, has ${examples.length}`, decisions: examples.length };
  const featured = await featurizeInChunks(examples);
  const evaluation = evaluateFeatured(featured);
  await yieldToEventLoop();
  const params = trainFromFeatured(featured);
  await yieldToEventLoop();
  // The same decisions adapt the shipped classifier; only the weights they moved are stored.
  const base = shippedModel();
  params.adapted = modelDelta(base, adaptBaseModel(base, examples));
  const heldOutAccuracy = evaluation.action.accuracy;
  const baselineAccuracy = evaluation.action.baselineAccuracy;
  const model = await db.$transaction(async (tx) => {
    const created = await tx.suggestionModel.create({
      data: { trainedAt, decisions: examples.length, heldOutAccuracy, baselineAccuracy, params: params as unknown as Prisma.InputJsonValue },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "suggestion_model.train",
      entityType: "suggestion_model",
      entityId: created.id,
      details: { decisions: examples.length, heldOutAccuracy, baselineAccuracy, features: params.vocabulary.length },
    });
    return created;
  });
  return { status: "trained", modelId: model.id, trainedAt, decisions: examples.length, heldOutAccuracy, baselineAccuracy };
}

/** Feature extraction is the slow part: done in slices so a web server keeps answering meanwhile. */
async function featurizeInChunks(examples: readonly TrainingExample[]): Promise<FeaturedExample[]> {
  const featured: FeaturedExample[] = [];
  for (let start = 0; start < examples.length; start += CHUNK) {
    for (const example of examples.slice(start, start + CHUNK)) featured.push(featurize(example));
    await yieldToEventLoop();
  }
  return featured;
}
