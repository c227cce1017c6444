import { describe, expect, it } from "vitest";
import { highlightSegments } from "@/lib/detect/highlight-segments";
import { configFromFields, DEFAULT_CONFIG_FIELDS, fieldsFromConfig } from "./rule-config-fields";
import { ruleDraftSchema } from "./rule-draft-schema";
import { parseRulePack } from "./rule-pack-schema";
import { changedFields, ruleSnapshot } from "./rule-snapshot";
import type { RuleKind } from "@/lib/detect/types";

describe("rule config fields", () => {
  it("turns a textarea of terms into a list, dropping blank lines and spaces", () => {
    expect(configFromFields("TERMS", { ...DEFAULT_CONFIG_FIELDS, terms: " idiot \n\n moron*\n" })).toEqual({ terms: ["idiot", "moron*"] });
  });

  it("round-trips every kind's config through the form fields", () => {
    const configs = {
      TERMS: { terms: ["a", "b c"] },
      TERMS_GUARDED: { terms: ["walrus*"], unlessBefore: "\\bcalling $" },
      NEAR: { a: ["india"], b: ["idiot", "moron"], within: 4 },
      REGEX: { pattern: "free\\s+money", flags: "i", target: "original" },
      OFF_TOPIC: { minWords: 20, maxSimilarity: 0.05 },
      // The default pack's gated, negation-guarded patterns and its off-topic article minimum survive an edit.
      REGEX_GUARDED: { pattern: "\\bwalruses are thieves\\b", target: "normalized", requires: ["thieves"], unlessBefore: "\\bnot\\b", unlessAfter: "^being robbed\\b" },
      NEAR_GUARDED: { a: ["walrus*"], b: ["thieves"], within: 2, unlessBefore: "\\b(?:not|he said)\\b" },
      OFF_TOPIC_ARTICLE: { minWords: 25, maxSimilarity: 0.05, minArticleWords: 40 },
      SHOUTING: { minLetters: 30, minUpperRatio: 0.7 },
      LINKS: { maxLinks: 1 },
      REPETITION: { minRepeats: 4, minCharRun: 12 },
      CLASSIFIER: { threshold: 0.8 },
      // The composed rule: another head, gated by target terms, keeps both through an edit.
      CLASSIFIER_GATED: { threshold: 0.7, head: "ABUSIVE", requires: ["walrus*", "the north"] },
    } as const;
    for (const [name, config] of Object.entries(configs)) {
      const kind = name.replace(/_(GUARDED|ARTICLE|GATED)$/, "") as RuleKind;
      expect(configFromFields(kind, fieldsFromConfig(kind, config))).toEqual(config);
    }
  });

  it("leaves an empty number box undefined so validation names the field", () => {
    const draft = ruleDraftSchema.safeParse({ name: "links", category: "SPAM", kind: "LINKS", config: configFromFields("LINKS", { ...DEFAULT_CONFIG_FIELDS, maxLinks: "" }), severity: 2, action: "FLAG" });
    expect(draft.success).toBe(false);
    expect(draft.error?.issues[0]?.path).toEqual(["config"]);
    expect(draft.error?.issues[0]?.message).toMatch(/maxLinks/);
  });
});

describe("rule drafts", () => {
  it("explains RE2's refusal of a backreference on the config field", () => {
    const result = ruleDraftSchema.safeParse({ name: "echo", category: "SPAM", kind: "REGEX", config: { pattern: "(\\w+) \\1" }, severity: 1, action: "FLAG" });
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["config", expect.stringMatching(/backreferences .* RE2 refuses it/)]]);
  });

  it("normalizes the config (trimmed terms) and defaults enabled and description", () => {
    const result = ruleDraftSchema.parse({ name: "x", category: "ABUSIVE", kind: "TERMS", config: { terms: [" idiot "] }, severity: 3, action: "HOLD" });
    expect(result).toMatchObject({ config: { terms: ["idiot"] }, enabled: true, description: "" });
  });
});

describe("rule snapshots", () => {
  const row = { name: "r", description: null, category: "SPAM" as const, kind: "LINKS", config: { maxLinks: 1 }, severity: 2, action: "FLAG" as const, enabled: true, deletedAt: null };

  it("lists only the fields that changed, ignoring jsonb key order", () => {
    const before = ruleSnapshot({ ...row, config: { b: 1, a: [1, 2] } });
    const after = ruleSnapshot({ ...row, config: { a: [1, 2], b: 1 }, severity: 3, deletedAt: new Date() });
    expect(changedFields(before, after)).toEqual(["severity", "deleted"]);
    expect(changedFields(null, after)).toHaveLength(9);
  });
});

describe("highlight segments", () => {
  it("marks merged spans and keeps the rest as plain text", () => {
    expect(highlightSegments("you idiot moron", [[4, 9], [10, 15], [6, 9]])).toEqual([
      { text: "you ", isMatch: false },
      { text: "idiot", isMatch: true },
      { text: " ", isMatch: false },
      { text: "moron", isMatch: true },
    ]);
    expect(highlightSegments("", [])).toEqual([{ text: "", isMatch: false }]);
  });
});

describe("rule packs", () => {
  it("accepts a valid pack and names each problem of an invalid one with its place", () => {
    const rule = { name: "a", category: "SPAM", kind: "LINKS", config: { maxLinks: 1 }, severity: 2, action: "FLAG" };
    expect(parseRulePack(JSON.stringify({ moddeskRulePack: 1, rules: [rule] })).ok).toBe(true);
    const invalid = parseRulePack(JSON.stringify({ moddeskRulePack: 1, rules: [rule, { ...rule, config: { maxLinks: -1 } }, rule] }));
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) expect(invalid.message).toMatch(/rules\[1\]\.config: invalid LINKS config: maxLinks/);
    expect(parseRulePack("{").ok).toBe(false);
    expect(parseRulePack(JSON.stringify({ rules: [] })).ok).toBe(false);
  });
});
