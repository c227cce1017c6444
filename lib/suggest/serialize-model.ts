import { z } from "zod";
import type { SuggestionParams } from "./suggestion-model";

// Params are stored as JSON (SuggestionModel.params). Reading them back is validated: a row
// written by an older or broken version must fail loudly, not suggest nonsense.

const countsSchema = z.object({
  classes: z.array(z.string()).min(2),
  docs: z.array(z.number().int().nonnegative()),
  counts: z.array(z.array(z.number().int().nonnegative())),
});

const paramsSchema = z.object({
  format: z.literal(1),
  alpha: z.number().positive(),
  vocabulary: z.array(z.string()),
  action: countsSchema,
  reason: countsSchema.nullable(),
  adapted: z
    .object({
      format: z.literal(1),
      hashBits: z.number().int(),
      base: z.string(),
      heads: z.array(z.object({ category: z.string(), bias: z.number(), buckets: z.array(z.number().int().nonnegative()), deltas: z.array(z.number()) })),
    })
    .optional(),
});

export function serializeSuggestionParams(params: SuggestionParams): string {
  return JSON.stringify(params);
}

export function parseSuggestionParams(json: unknown): SuggestionParams {
  const value = typeof json === "string" ? (JSON.parse(json) as unknown) : json;
  const params = paramsSchema.parse(value);
  for (const head of [params.action, params.reason]) {
    if (!head) continue;
    if (head.docs.length !== head.classes.length || head.counts.length !== head.classes.length) throw new Error("suggestion model: class arrays disagree");
    if (head.counts.some((row) => row.length !== params.vocabulary.length)) throw new Error("suggestion model: counts and vocabulary disagree");
  }
  return params;
}
