import { z } from "zod";
import { RULE_CATEGORIES, type RuleKind } from "./types";
import { compileLinearRegex } from "./regex-safety";

const term = z.string().trim().min(1, "terms must not be empty").max(100, "terms are limited to 100 characters");
const termList = z.array(term).min(1, "needs at least one term").max(20000, "at most 20,000 terms per rule");
const ratio = z.number().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1");
const count = (min: number) => z.number().int("must be a whole number").min(min, `must be at least ${min}`);

const termsConfig = z
  .strictObject({
    terms: termList,
    /** Skip a hit when the words just before it, in the same sentence, match this ('calling him …'). */
    unlessBefore: z.string().min(1, "unlessBefore must not be empty").max(2000, "unlessBefore is limited to 2,000 characters").optional(),
  })
  .superRefine((config, ctx) => {
    if (config.unlessBefore === undefined) return;
    const unless = compileLinearRegex(config.unlessBefore, false);
    if (typeof unless === "string") ctx.addIssue({ code: "custom", path: ["unlessBefore"], message: unless });
  });

const regexConfig = z
  .strictObject({
    // RE2 runs in linear time whatever the length; the cap only bounds compile time and memory.
    pattern: z.string().min(1, "pattern must not be empty").max(20000, "pattern is limited to 20,000 characters"),
    flags: z.literal("i").optional(),
    /** 'normalized' (default): lowercase words joined by single spaces, evasions undone. */
    target: z.enum(["normalized", "original"]).optional(),
    /** Run only on comments containing one of these terms (a speed gate; every match must contain one). */
    requires: termList.optional(),
    /** Skip a match when the words just before it, in the same sentence, match this (negation, quotes). */
    unlessBefore: z.string().min(1, "unlessBefore must not be empty").max(2000, "unlessBefore is limited to 2,000 characters").optional(),
    /** Skip a match when the words just after it, in the same sentence, match this ('^' is right after it). */
    unlessAfter: z.string().min(1, "unlessAfter must not be empty").max(2000, "unlessAfter is limited to 2,000 characters").optional(),
  })
  .superRefine((config, ctx) => {
    const compiled = compileLinearRegex(config.pattern, config.flags === "i");
    if (typeof compiled === "string") ctx.addIssue({ code: "custom", path: ["pattern"], message: compiled });
    for (const field of ["unlessBefore", "unlessAfter"] as const) {
      const source = config[field];
      if (source === undefined) continue;
      const unless = compileLinearRegex(source, config.flags === "i");
      if (typeof unless === "string") ctx.addIssue({ code: "custom", path: [field], message: unless });
    }
  });

const nearConfig = z
  .strictObject({
    a: termList, b: termList, within: count(1).max(50, "must be at most 50 words"),
    /** Skip a pair when the words just before it, in the same sentence, match this (negation, reported speech). */
    unlessBefore: z.string().min(1, "unlessBefore must not be empty").max(2000, "unlessBefore is limited to 2,000 characters").optional(),
  })
  .superRefine((config, ctx) => {
    if (config.unlessBefore === undefined) return;
    const unless = compileLinearRegex(config.unlessBefore, false);
    if (typeof unless === "string") ctx.addIssue({ code: "custom", path: ["unlessBefore"], message: unless });
  });

const offTopicConfig = z.strictObject({
  minWords: count(1),
  maxSimilarity: ratio,
  /** Distinct content words the article (title + body) needs before it is compared at all; default 1. */
  minArticleWords: count(1).optional(),
});

const shoutingConfig = z.strictObject({ minLetters: count(1), minUpperRatio: ratio });

const linksConfig = z.strictObject({ maxLinks: count(0) });

const repetitionConfig = z.strictObject({
  /** Same word or phrase (up to 4 words) repeated back to back at least this many times. */
  minRepeats: count(2),
  /** Same character repeated at least this many times ('!!!!!!!!!!!!'); default 12. */
  minCharRun: count(3).optional(),
});

/**
 * CLASSIFIER: the shipped (or desk-adapted) model's head for the rule's own category (or `head`), at or
 * above `threshold`; with `requires`, only on comments where one of those terms occurs (a target gate:
 * the abusive head's score at a mention of a people or religion is the pack's composed nationalist signal).
 */
const classifierConfig = z.strictObject({
  threshold: ratio,
  head: z.enum(["NATIONALIST", "ABUSIVE"]).optional(),
  requires: termList.optional(),
});

/**
 * EXTERNAL: an endpoint outside Moddesk scores each comment (docs/external-classifier.md). The
 * engine never runs it (it is asynchronous); a job posts comments and turns answers into flags.
 * Which addresses are refused (private, loopback) is checked on the server (network-guard.ts).
 */
const externalConfig = z
  .strictObject({
    url: z
      .string()
      .trim()
      .max(2000, "the URL is limited to 2,000 characters")
      .refine((raw) => URL.canParse(raw) && /^https?:$/.test(new URL(raw).protocol), "must be an http(s) URL"),
    /** Per category: flag at or above this score. Categories left out are never flagged. */
    thresholds: z
      .partialRecord(z.enum(RULE_CATEGORIES), ratio)
      .refine((thresholds) => Object.keys(thresholds).length > 0, "give a threshold for at least one category"),
    /** The whole call (connect, answer) must finish within this; 100 ms to 10 s. */
    timeoutMs: count(100).max(10_000, "must be at most 10,000 ms (10 s)"),
    /** Loopback and private-range addresses are refused unless this is set (SSRF), as for webhooks. */
    allowPrivateNetwork: z.boolean().optional(),
  });

export const ruleConfigSchemas = {
  TERMS: termsConfig,
  REGEX: regexConfig,
  NEAR: nearConfig,
  OFF_TOPIC: offTopicConfig,
  SHOUTING: shoutingConfig,
  LINKS: linksConfig,
  REPETITION: repetitionConfig,
  CLASSIFIER: classifierConfig,
  EXTERNAL: externalConfig,
} satisfies Record<RuleKind, z.ZodType>;

export type RuleConfigByKind = { [K in RuleKind]: z.output<(typeof ruleConfigSchemas)[K]> };

export type ParsedRuleConfig<K extends RuleKind> =
  | { ok: true; config: RuleConfigByKind[K] }
  | { ok: false; message: string };

/** Validates a stored config for its kind; the message names each offending field. */
export function parseRuleConfig<K extends RuleKind>(kind: K, config: unknown): ParsedRuleConfig<K> {
  const schema = ruleConfigSchemas[kind] as unknown as z.ZodType<RuleConfigByKind[K]> | undefined;
  if (schema === undefined) return { ok: false, message: `unknown rule kind '${String(kind)}'` };
  const result = schema.safeParse(config);
  if (result.success) return { ok: true, config: result.data };
  const message = result.error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
  return { ok: false, message: `invalid ${kind} config: ${message}` };
}
