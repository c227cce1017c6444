import "server-only";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { db } from "@/lib/db/client";
import { loadUsableModel } from "./load-compiled-model";
import { predictSuggestion } from "./suggestion-model";

const BATCH = 500;

export interface StoredSuggestions {
  stored: number;
  /** False when stopped by the deadline with pending comments left to predict. */
  isDone: boolean;
}

/**
 * Stores the usable model's prediction for every pending comment that has none from it (new
 * comments, or all of them after a retraining), in id order and batches, yielding between them so
 * the web server in the same process keeps answering. Decided comments' rows are dropped: the
 * queue sorts pending comments only. With no usable model all rows go (suggestions are off).
 */
export async function storePendingSuggestions(options: { deadline?: number } = {}): Promise<StoredSuggestions> {
  const usable = await loadUsableModel();
  if (!usable) {
    await db.$executeRaw`DELETE FROM comment_suggestion`;
    return { stored: 0, isDone: true };
  }
  await db.$executeRaw`DELETE FROM comment_suggestion s USING comment c WHERE c.id = s."commentId" AND c.status <> 'PENDING'`;
  let stored = 0;
  let after = 0;
  for (;;) {
    if (options.deadline !== undefined && Date.now() > options.deadline) return { stored, isDone: false };
    const comments = await db.$queryRaw<{ id: number; body: string }[]>`
      SELECT c.id, c.body FROM comment c
      WHERE c.status = 'PENDING' AND c.id > ${after}
        AND NOT EXISTS (SELECT 1 FROM comment_suggestion s WHERE s."commentId" = c.id AND s."modelId" = ${usable.id})
      ORDER BY c.id LIMIT ${BATCH}`;
    if (comments.length === 0) return { stored, isDone: true };
    const rows = comments.map((comment) => {
      const prediction = predictSuggestion(usable.model, comment.body);
      const hideProbability = prediction.action === "HIDE" ? prediction.confidence : 1 - prediction.confidence;
      return { commentId: comment.id, action: prediction.action, reason: prediction.reason, hideProbability, confidence: prediction.confidence, reasonConfidence: prediction.reasonConfidence, words: prediction.words };
    });
    await db.$executeRaw`
      INSERT INTO comment_suggestion ("commentId", "modelId", action, reason, "hideProbability", confidence, "reasonConfidence", words, "createdAt")
      SELECT x."commentId", ${usable.id}, x.action, x.reason, x."hideProbability", x.confidence, x."reasonConfidence", x.words, now()
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS x("commentId" int, action text, reason text, "hideProbability" float8, confidence float8, "reasonConfidence" float8, words jsonb)
      ON CONFLICT ("commentId") DO UPDATE SET "modelId" = EXCLUDED."modelId", action = EXCLUDED.action, reason = EXCLUDED.reason,
        "hideProbability" = EXCLUDED."hideProbability", confidence = EXCLUDED.confidence, "reasonConfidence" = EXCLUDED."reasonConfidence",
        words = EXCLUDED.words, "createdAt" = EXCLUDED."createdAt"`;
    stored += rows.length;
    after = comments.at(-1)!.id;
    await yieldToEventLoop();
  }
}
