import "server-only";
import { db } from "@/lib/db/client";
import { beatsBaseline } from "./model-settings";
import { parseSuggestionParams } from "./serialize-model";
import { compileSuggestionModel, predictSuggestion, type CompiledSuggestionModel } from "./suggestion-model";
import type { Suggestion } from "./types";

// The compiled model is kept per process and reloaded only when a newer one was trained: params
// are a few hundred kB of JSON, the queue asks for suggestions on every page.
const holder = globalThis as unknown as { moddeskSuggestionModel?: { id: number; model: CompiledSuggestionModel } };

/**
 * Suggestions for the given comments (the queue card shows them; they never act by themselves).
 * Empty when no model is trained or the model does not beat its baseline.
 */
export async function suggestionsFor(commentIds: number[]): Promise<Map<number, Suggestion>> {
  const suggestions = new Map<number, Suggestion>();
  const ids = [...new Set(commentIds)];
  if (ids.length === 0) return suggestions;
  const latest = await db.suggestionModel.findFirst({
    orderBy: { trainedAt: "desc" },
    select: { id: true, trainedAt: true, heldOutAccuracy: true, baselineAccuracy: true },
  });
  if (!latest || !beatsBaseline(latest)) return suggestions;
  const model = await compiledModel(latest.id);
  const comments = await db.comment.findMany({ where: { id: { in: ids } }, select: { id: true, body: true } });
  const trainedAt = latest.trainedAt.toISOString();
  for (const comment of comments) {
    const prediction = predictSuggestion(model, comment.body);
    suggestions.set(comment.id, { commentId: comment.id, ...prediction, modelId: latest.id, trainedAt });
  }
  return suggestions;
}

async function compiledModel(id: number): Promise<CompiledSuggestionModel> {
  const cached = holder.moddeskSuggestionModel;
  if (cached?.id === id) return cached.model;
  const row = await db.suggestionModel.findUniqueOrThrow({ where: { id }, select: { params: true } });
  const model = compileSuggestionModel(parseSuggestionParams(row.params));
  holder.moddeskSuggestionModel = { id, model };
  return model;
}
