import { readFileSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileRuleSet } from "./compile-rule-set";
import { RuleCompileError } from "./compiled-rule";
import { evaluateComment } from "./evaluate-comment";
import { testRule } from "./test-helpers";
import { featurizeText } from "./classifier/classify-text";
import { decodeModel, encodeModel } from "./classifier/model-file";
import { shippedModel } from "./classifier/shipped-model";
import type { LinearModel } from "./classifier/linear-model";

// A hand-made model: the word 'idiot' pushes ABUSIVE up, nothing else weighs.
const features = { hashBits: 12, words: true, bigrams: false, charMin: 0, charMax: 0 };
function handMadeModel(): LinearModel {
  const abusive = new Float32Array(1 << features.hashBits);
  for (const bucket of featurizeText("idiot", features)) abusive[bucket] = 12;
  return { features, heads: [{ category: "NATIONALIST", bias: -4, weights: new Float32Array(1 << features.hashBits) }, { category: "ABUSIVE", bias: -4, weights: abusive }] };
}
const model = handMadeModel();
const flagOf = (text: string, threshold: number, category: "ABUSIVE" | "NATIONALIST" = "ABUSIVE") =>
  evaluateComment(compileRuleSet([testRule("CLASSIFIER", { threshold }, { category })], () => model), { body: text })[0] ?? null;

describe("CLASSIFIER rules", () => {
  it("flag at or above the threshold only", () => {
    // 'you idiot': 2 features, logit -4 + 12/sqrt(2) = 4.49, p = 0.989.
    expect(flagOf("you idiot", 0.98)?.score).toBeCloseTo(0.989, 2);
    expect(flagOf("you idiot", 0.995)).toBeNull();
    expect(flagOf("you are kind", 0.5)).toBeNull();
    expect(flagOf("you idiot", 0.5, "NATIONALIST")).toBeNull();
  });

  it("highlight the words that weighed most, in the original text, through evasions", () => {
    const text = "Well, y0u 1d\u200B10t!";
    const flag = flagOf(text, 0.5);
    expect(flag).not.toBeNull();
    expect(flag!.spans).toHaveLength(1);
    const [start, end] = flag!.spans[0]!;
    expect(text.slice(start, end)).toBe("1d\u200B10t");
    expect(flag!.reason).toMatch(/^model: 0\.\d\d abusive — weighed most: '1d\u200B10t'$/);
  });

  it("read a long comment to its end: an insult after three windows of padding still weighs and is highlighted", () => {
    const padding = "The council met on Tuesday to discuss the new bus timetable and the library hours. ".repeat(160);
    const text = `${padding}And you, sir, are an idiot.`;
    expect(text.length).toBeGreaterThan(3 * 4000);
    // The padding alone scores the bias (p = 0.018); read past the first window, the insult lifts the last one.
    const paddingAlone = flagOf(padding, 0)!;
    const padded = flagOf(text, 0)!;
    expect(paddingAlone.score).toBeCloseTo(0.018, 3);
    expect(padded.score).toBeGreaterThan(paddingAlone.score + 0.005);
    const [start, end] = padded.spans[0]!;
    expect(text.slice(start, end)).toBe("idiot");
  });

  it("score another head when `head` says so, and only where a `requires` term occurs", () => {
    const config = { threshold: 0.5, head: "ABUSIVE", requires: ["martians", "venus*"] };
    const composed = compileRuleSet([testRule("CLASSIFIER", config, { category: "NATIONALIST" })], () => model);
    const flagsOf = (text: string) => evaluateComment(composed, { body: text });
    // The ABUSIVE head scores 'idiot'; the rule flags as NATIONALIST, and only at a named group.
    expect(flagsOf("you idiot")).toEqual([]);
    const text = "Martians, you idiot";
    const [flag] = flagsOf(text);
    expect(flag?.category).toBe("NATIONALIST");
    expect(flag!.spans.map(([start, end]) => text.slice(start, end))).toEqual(["Martians", "idiot"]);
    expect(flag!.reason).toMatch(/^model: 0\.\d\d abusive at 'Martians' — weighed most: 'idiot'$/);
    expect(flagsOf("Venusians, you idiot")).toHaveLength(1);
    expect(flagsOf("Martians are kind")).toEqual([]);
  });

  it("refuse a head the model does not have, naming the field", () => {
    expect(() => compileRuleSet([testRule("CLASSIFIER", { threshold: 0.5, head: "SPAM" })], () => model)).toThrow(/head/);
  });

  it("refuse a category the model has no head for", () => {
    expect(() => compileRuleSet([testRule("CLASSIFIER", { threshold: 0.5 }, { category: "SPAM" })], () => model)).toThrow(RuleCompileError);
  });

  it("flag nothing when no model is available (the browser)", () => {
    const set = compileRuleSet([testRule("CLASSIFIER", { threshold: 0 })], () => null);
    expect(evaluateComment(set, { body: "you idiot" })).toEqual([]);
  });
});

describe("model file", () => {
  it("round-trips weights within int16 rounding", () => {
    const decoded = decodeModel(JSON.parse(JSON.stringify(encodeModel(model))));
    const original = model.heads[1]!.weights;
    const bucket = featurizeText("idiot", features)[0]!;
    expect(decoded.heads[1]!.weights[bucket]).toBeCloseTo(original[bucket]!, 3);
    expect(decoded.heads[1]!.bias).toBe(-4);
    expect(() => decodeModel({ ...encodeModel(model), format: 2 })).toThrow();
  });

  it("ships a base model of at most 5 MB with both heads and no readable text", () => {
    const path = new URL("./classifier/base-model.json", import.meta.url);
    expect(statSync(path).size).toBeLessThanOrEqual(5 * 1024 * 1024);
    const shipped = shippedModel();
    expect(shipped.heads.map((head) => head.category)).toEqual(["NATIONALIST", "ABUSIVE"]);
    expect(shipped.heads[0]!.weights.length).toBe(1 << shipped.features.hashBits);
    // Hashed buckets and numbers only: no word of training text can be in the file.
    const file = JSON.parse(readFileSync(path, "utf8")) as { heads: { weights: string }[] };
    expect(file.heads.every((head) => /^[A-Za-z0-9+/]+=*$/.test(head.weights))).toBe(true);
  });
});
