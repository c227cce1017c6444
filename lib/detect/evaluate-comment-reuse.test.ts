import { describe, expect, it } from "vitest";
import { compileRuleSet } from "./compile-rule-set";
import { evaluateComment } from "./evaluate-comment";
import { testRule } from "./test-helpers";
import { featurizeText } from "./classifier/classify-text";
import type { LinearModel } from "./classifier/linear-model";

// evaluateComment reuses one CommentAnalysis (and the normalizer's buffers) for every comment:
// nothing of one comment (its normalized text, its model scores) may reach the next.

const features = { hashBits: 10, words: true, bigrams: false, charMin: 0, charMax: 0 };
const model: LinearModel = (() => {
  const weights = new Float32Array(1 << features.hashBits);
  for (const bucket of featurizeText("idiot", features)) weights[bucket] = 12;
  return { features, heads: [{ category: "NATIONALIST", bias: -4, weights: new Float32Array(1 << features.hashBits) }, { category: "ABUSIVE", bias: -4, weights }] };
})();

const set = compileRuleSet([
  testRule("REGEX", { pattern: "\\bidiot\\b" }, { id: "regex", name: "regex" }),
  testRule("TERMS", { terms: ["idiot"] }, { id: "terms", name: "terms" }),
  testRule("CLASSIFIER", { threshold: 0.5 }, { id: "model", name: "model" }),
], () => model);

const ruleIds = (body: string) => evaluateComment(set, { body }).map((flag) => flag.ruleId);

describe("evaluateComment, comment after comment", () => {
  const evasions = {
    leetspeak: "y0u 1d10t",
    zeroWidth: "you id\u200Bi\u200Dot",
    homoglyphs: "you \u0456d\u0456\u043Et",
    fullwidth: "you \uFF49\uFF44\uFF49\uFF4F\uFF54",
    spacing: "you i d i o t",
    dotted: "you i.d.i.o.t",
  };

  for (const [name, body] of Object.entries(evasions)) {
    it(`flags ${name} with every rule, and the clean comment after it with none`, () => {
      expect(ruleIds(body)).toEqual(["regex", "terms", "model"]);
      expect(ruleIds("you are kind")).toEqual([]);
      expect(ruleIds(body)).toEqual(["regex", "terms", "model"]);
    });
  }

  it("maps each comment's spans into its own text", () => {
    for (const body of Object.values(evasions)) {
      const [regex] = evaluateComment(set, { body });
      const [start, end] = regex!.spans[0]!;
      expect(body.slice(0, start)).toBe(body.startsWith("y0u") ? "y0u " : "you ");
      expect(end).toBe(body.length);
    }
  });
});
