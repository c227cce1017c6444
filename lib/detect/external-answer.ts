import { z } from "zod";
import { mergeSpans } from "./compiled-rule";
import type { RuleConfigByKind } from "./schemas";
import { RULE_CATEGORIES, type FlagResult, type RuleCategory, type RuleDefinition, type Span } from "./types";

// The contract with an external classifier (docs/external-classifier.md), kept pure so the unit
// tests, the job, the backtest and `moddesk evaluate` read answers the same way. An answer is
// checked in full before any of it becomes a flag: a scorer that returns garbage flags nothing and
// its comments stay "not scored" (retried), rather than half of a batch being believed.

export type ExternalConfig = RuleConfigByKind["EXTERNAL"];

/** Comments per request: small enough for a strict timeout, large enough to amortize the round trip. */
export const EXTERNAL_BATCH_SIZE = 50;

export interface ScoreRequestItem {
  /** Moddesk's id for the comment (a string: the scorer echoes it back). */
  id: string;
  text: string;
}

export interface ExternalScore {
  scores: Partial<Record<RuleCategory, number>>;
  spans: Partial<Record<RuleCategory, Span[]>>;
}

export type ParsedAnswer = { ok: true; results: Map<string, ExternalScore> } | { ok: false; message: string };

export function scoreRequestBody(items: readonly ScoreRequestItem[]): string {
  return JSON.stringify({ type: "comments.score", categories: RULE_CATEGORIES, comments: items.map(({ id, text }) => ({ id, text })) });
}

const category = z.enum(RULE_CATEGORIES);
const offset = z.number().int("offsets are whole numbers").min(0, "offsets are at least 0");
const answerSchema = z.strictObject({
  results: z.array(
    z.object({
      id: z.string().min(1),
      scores: z.partialRecord(category, z.number().min(0, "scores are between 0 and 1").max(1, "scores are between 0 and 1")),
      spans: z.partialRecord(category, z.array(z.tuple([offset, offset]))).optional(),
    }),
  ).max(10_000),
});

/** Reads an answer body against the comments asked about: every one answered, nothing else, spans inside the text. */
export function parseScoreAnswer(body: string, asked: readonly ScoreRequestItem[]): ParsedAnswer {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return { ok: false, message: `the answer is not JSON (it starts ${JSON.stringify(body.slice(0, 60))})` };
  }
  const parsed = answerSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: `the answer does not follow the contract: ${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${issue.message}` };
  }
  const texts = new Map(asked.map((item) => [item.id, item.text]));
  const results = new Map<string, ExternalScore>();
  for (const [index, result] of parsed.data.results.entries()) {
    const text = texts.get(result.id);
    if (text === undefined) return { ok: false, message: `results.${index}.id: '${result.id}' was not asked about` };
    if (results.has(result.id)) return { ok: false, message: `results.${index}.id: '${result.id}' is answered twice` };
    for (const [name, spans] of Object.entries(result.spans ?? {})) {
      const bad = (spans ?? []).findIndex(([start, end]) => start >= end || end > text.length);
      if (bad >= 0) return { ok: false, message: `results.${index}.spans.${name}.${bad}: a span is [start, end) with start < end <= ${text.length} (the text's length in UTF-16 code units)` };
    }
    results.set(result.id, { scores: result.scores, spans: result.spans ?? {} });
  }
  const missing = asked.find((item) => !results.has(item.id));
  if (missing) return { ok: false, message: `the answer has no result for comment '${missing.id}' (${asked.length - results.size} of ${asked.length} missing)` };
  return { ok: true, results };
}

/** The flags one answer makes: a flag per category at or above its threshold, the endpoint as the rule. */
export function flagsFromExternalScore(rule: Pick<RuleDefinition, "id" | "version" | "name" | "action" | "severity">, config: ExternalConfig, score: ExternalScore): FlagResult[] {
  const host = new URL(config.url).host;
  const flags: FlagResult[] = [];
  for (const name of RULE_CATEGORIES) {
    const threshold = config.thresholds[name];
    const value = score.scores[name];
    if (threshold === undefined || value === undefined || value < threshold) continue;
    flags.push({
      ruleId: rule.id,
      ruleVersion: rule.version,
      ruleName: rule.name,
      category: name,
      action: rule.action,
      severity: rule.severity,
      score: value,
      spans: mergeSpans(score.spans[name] ?? []),
      reason: `${host} scored it ${name.replace("_", "-").toLowerCase()} ${value.toFixed(2)} (threshold ${threshold})`,
    });
  }
  return flags;
}
