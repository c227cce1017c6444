import "server-only";
import { db } from "@/lib/db/client";
import { beatsBaseline } from "./model-settings";
import { parseSuggestionParams } from "./serialize-model";
import { compileSuggestionModel, type CompiledSuggestionModel } from "./suggestion-model";

// The compiled model is kept per process and reloaded only when a newer one was trained: params
// are a few hundred kB of JSON, the queue asks for suggestions on every page.
const holder = globalThis as unknown as { moddeskSuggestionModel?: { id: number; model: CompiledSuggestionModel } };

export interface UsableModel {
  id: number;
  trainedAt: Date;
  model: CompiledSuggestionModel;
}

/** The latest model when it beats its baseline (else suggestions are off), compiled. */
export async function loadUsableModel(): Promise<UsableModel | null> {
  const latest = await db.suggestionModel.findFirst({
    orderBy: { trainedAt: "desc" },
    select: { id: true, trainedAt: true, heldOutAccuracy: true, baselineAccuracy: true },
  });
  if (!latest || !beatsBaseline(latest)) return null;
  const cached = holder.moddeskSuggestionModel;
  if (cached?.id === latest.id) return { id: latest.id, trainedAt: latest.trainedAt, model: cached.model };
  const row = await db.suggestionModel.findUniqueOrThrow({ where: { id: latest.id }, select: { params: true } });
  const model = compileSuggestionModel(parseSuggestionParams(row.params));
  holder.moddeskSuggestionModel = { id: latest.id, model };
  return { id: latest.id, trainedAt: latest.trainedAt, model };
}
