import { describe, expect, it } from "vitest";
import { classifyText, featurizeText } from "@/lib/detect/classifier/classify-text";
import type { LinearModel } from "@/lib/detect/classifier/linear-model";
import { adaptBaseModel, applyDelta, decisionRows, modelDelta } from "./adapt-base-model";
import type { TrainingExample } from "./types";

const features = { hashBits: 12, words: true, bigrams: true, charMin: 0, charMax: 0 };
function baseModel(): LinearModel {
  const abusive = new Float32Array(1 << features.hashBits);
  for (const bucket of featurizeText("idiot", features)) abusive[bucket] = 6;
  return { features, heads: [{ category: "NATIONALIST", bias: -3, weights: new Float32Array(1 << features.hashBits) }, { category: "ABUSIVE", bias: -3, weights: abusive }] };
}
const at = new Date("2026-01-01T00:00:00Z");
const hide = (text: string, reason: TrainingExample["reason"]): TrainingExample => ({ text, action: "HIDE", reason, decidedAt: at });
const approve = (text: string): TrainingExample => ({ text, action: "APPROVE", reason: null, decidedAt: at });

// A desk that hides 'gobshite' (a word the base model never weighed) as abusive.
const decisions = [
  ...Array.from({ length: 8 }, (_, i) => hide(`what a gobshite number ${i}`, "ABUSIVE")),
  ...Array.from({ length: 8 }, (_, i) => approve(`what a match number ${i}`)),
  hide("buy cheap watches", "SPAM"),
];

describe("adapting the shipped model to the desk's decisions", () => {
  it("maps decisions onto the heads they speak for", () => {
    const rows = decisionRows([hide("x", "NATIONALIST"), hide("y", "SPAM"), approve("z")], baseModel());
    expect(rows).toHaveLength(2);
    expect(Array.from(rows[0]!.targets)).toEqual([1, Number.NaN]);
    expect(Array.from(rows[1]!.targets)).toEqual([0, 0]);
  });

  it("learns the desk's words and keeps what the base knew", () => {
    const base = baseModel();
    const adapted = adaptBaseModel(base, decisions);
    expect(classifyText("such a gobshite", adapted).ABUSIVE).toBeGreaterThan(classifyText("such a gobshite", base).ABUSIVE + 0.2);
    expect(classifyText("you idiot", adapted).ABUSIVE).toBeGreaterThan(0.5);
  });

  it("stores only what moved, and the stored delta rebuilds the adapted model", () => {
    const base = baseModel();
    const adapted = adaptBaseModel(base, decisions);
    const delta = modelDelta(base, adapted);
    expect(delta.heads[1]!.buckets.length).toBeGreaterThan(0);
    expect(delta.heads[1]!.buckets.length).toBeLessThan(200);
    const rebuilt = applyDelta(base, JSON.parse(JSON.stringify(delta)))!;
    expect(classifyText("such a gobshite", rebuilt).ABUSIVE).toBeCloseTo(classifyText("such a gobshite", adapted).ABUSIVE, 4);
    expect(applyDelta({ ...base, features: { ...features, hashBits: 13 } }, delta)).toBeNull();
    // A retrained base (other biases) does not take a delta adapted from the old one.
    expect(applyDelta({ ...base, heads: base.heads.map((head) => ({ ...head, bias: head.bias + 0.5 })) }, delta)).toBeNull();
  });
});

describe("the adapted classifier as the suggestion's prior", () => {
  it("pushes a comment the counts know nothing about toward hiding, for the classifier's reason", async () => {
    const { compileSuggestionModel, predictSuggestion, trainSuggestionParams } = await import("./suggestion-model");
    const base = baseModel();
    base.heads[1]!.weights.forEach((weight, bucket) => { base.heads[1]!.weights[bucket] = weight * 2; });
    const toy = [
      ...Array.from({ length: 6 }, (_, i) => approve(`fair budget debate ${i}`)),
      ...Array.from({ length: 4 }, (_, i) => hide(`earn money click ${i}`, "SPAM")),
      hide("what a clown", "ABUSIVE"),
    ];
    const params = trainSuggestionParams(toy, { minDocs: 1, maxFeatures: 1000, alpha: 1 });
    const countsOnly = compileSuggestionModel(params);
    expect(predictSuggestion(countsOnly, "you idiot")).toMatchObject({ action: "APPROVE" });
    const withPrior = { ...countsOnly, classifier: base };
    expect(predictSuggestion(withPrior, "you idiot")).toMatchObject({ action: "HIDE", reason: "ABUSIVE" });
    // Where the classifier sees nothing hostile, the counts alone decide.
    expect(predictSuggestion(withPrior, "earn money click now")).toMatchObject({ action: "HIDE", reason: "SPAM" });
    expect(predictSuggestion(withPrior, "fair budget debate")).toMatchObject({ action: "APPROVE" });
  });
});
