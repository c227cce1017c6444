import "server-only";
import { db } from "@/lib/db/client";
import { setAdaptedModel } from "@/lib/detect/classifier/active-model";
import { shippedModel } from "@/lib/detect/classifier/shipped-model";
import { applyDelta } from "./adapt-base-model";
import { parseSuggestionParams } from "./serialize-model";

const holder = globalThis as unknown as { moddeskAdaptedModelId?: number | null };

/**
 * Makes the latest desk-adapted classifier the active one (CLASSIFIER rules score with it), or
 * the shipped one when nothing was adapted yet. Cheap when nothing changed: one indexed read.
 */
export async function installAdaptedModel(): Promise<{ modelId: number | null }> {
  const latest = await db.suggestionModel.findFirst({ orderBy: { trainedAt: "desc" }, select: { id: true } });
  const id = latest?.id ?? null;
  if (holder.moddeskAdaptedModelId === id) return { modelId: id };
  if (id === null) {
    setAdaptedModel(null);
  } else {
    const row = await db.suggestionModel.findUniqueOrThrow({ where: { id }, select: { params: true } });
    const delta = parseSuggestionParams(row.params).adapted;
    setAdaptedModel(delta ? applyDelta(shippedModel(), delta) : null);
  }
  holder.moddeskAdaptedModelId = id;
  return { modelId: id };
}
