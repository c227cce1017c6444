import "server-only";
import { db } from "@/lib/db/client";
import { loadUsableModel } from "./load-compiled-model";
import { predictSuggestion } from "./suggestion-model";
import type { Reason, SuggestedAction, Suggestion, WeighingWord } from "./types";

/**
 * Suggestions for the given comments (the queue card shows them; they never act by themselves).
 * The stored prediction of the current model when the suggestion job made one
 * (store-pending-suggestions.ts), else predicted here. Empty when no model is trained or the model
 * does not beat its baseline.
 */
export async function suggestionsFor(commentIds: number[]): Promise<Map<number, Suggestion>> {
  const suggestions = new Map<number, Suggestion>();
  const ids = [...new Set(commentIds)];
  if (ids.length === 0) return suggestions;
  const usable = await loadUsableModel();
  if (!usable) return suggestions;
  const trainedAt = usable.trainedAt.toISOString();
  const stored = await db.commentSuggestion.findMany({
    where: { commentId: { in: ids }, modelId: usable.id },
    select: { commentId: true, action: true, confidence: true, reason: true, reasonConfidence: true, words: true },
  });
  for (const row of stored) {
    suggestions.set(row.commentId, {
      commentId: row.commentId,
      action: row.action as SuggestedAction,
      confidence: row.confidence,
      reason: row.reason as Reason | null,
      reasonConfidence: row.reasonConfidence,
      words: row.words as unknown as WeighingWord[],
      modelId: usable.id,
      trainedAt,
    });
  }
  const missing = ids.filter((id) => !suggestions.has(id));
  if (missing.length === 0) return suggestions;
  const comments = await db.comment.findMany({ where: { id: { in: missing } }, select: { id: true, body: true } });
  for (const comment of comments) {
    suggestions.set(comment.id, { commentId: comment.id, ...predictSuggestion(usable.model, comment.body), modelId: usable.id, trainedAt });
  }
  return suggestions;
}
