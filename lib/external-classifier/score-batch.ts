import "server-only";
import { flagsFromExternalScore, parseScoreAnswer, scoreRequestBody, type ExternalScore, type ScoreRequestItem } from "@/lib/detect/external-answer";
import type { FlagResult } from "@/lib/detect/types";
import type { ExternalRule } from "./external-rules";
import { postToScorer } from "./post-to-scorer";

export type BatchScore =
  | { ok: true; scores: Map<string, ExternalScore>; flags: Map<string, FlagResult[]>; latencyMs: number }
  | { ok: false; message: string; latencyMs: number };

/** One request for up to EXTERNAL_BATCH_SIZE comments: the answer checked in full, then turned into flags. */
export async function scoreBatch(rule: ExternalRule, items: readonly ScoreRequestItem[]): Promise<BatchScore> {
  const { config } = rule;
  const reply = await postToScorer({ url: config.url, timeoutMs: config.timeoutMs, allowPrivateNetwork: config.allowPrivateNetwork === true, signing: rule.signing }, scoreRequestBody(items));
  if (!reply.ok) return reply;
  const answer = parseScoreAnswer(reply.body, items);
  if (!answer.ok) return { ok: false, message: answer.message, latencyMs: reply.latencyMs };
  const flags = new Map<string, FlagResult[]>();
  for (const [id, score] of answer.results) flags.set(id, flagsFromExternalScore(rule, config, score));
  return { ok: true, scores: answer.results, flags, latencyMs: reply.latencyMs };
}
