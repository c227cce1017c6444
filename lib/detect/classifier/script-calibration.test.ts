import { describe, expect, it } from "vitest";
import { compileRuleSet } from "../compile-rule-set";
import { evaluateComment } from "../evaluate-comment";
import { testRule } from "../test-helpers";
import { classifyText, featurizeText } from "./classify-text";
import { decodeModel, encodeModel } from "./model-file";
import { trainLinearModel } from "./train-linear";
import { scriptOffsetsFromClean, upperQuantile } from "./script-calibration";
import type { LinearModel } from "./linear-model";

// A hand-made model: one Latin word and one Tamil word ("hello", written for this test) push
// NATIONALIST up by the same weight, and Tamil text is calibrated 3 logits down.
const features = { hashBits: 12, words: true, bigrams: false, charMin: 0, charMax: 0 };
const LATIN = "hello";
const TAMIL = "வணக்கம்";
function handMadeModel(offsets?: Record<string, number>): LinearModel {
  const weights = new Float32Array(1 << features.hashBits);
  for (const word of [LATIN, TAMIL]) for (const bucket of featurizeText(word, features)) weights[bucket] = 6;
  return {
    features,
    heads: [
      { category: "NATIONALIST", bias: -2, weights, ...(offsets ? { scriptOffsets: offsets } : {}) },
      { category: "ABUSIVE", bias: -4, weights: new Float32Array(1 << features.hashBits) },
    ],
  };
}
const calibrated = handMadeModel({ tamil: -3 });
const scoreOf = (model: LinearModel, text: string, threshold = 0) =>
  evaluateComment(compileRuleSet([testRule("CLASSIFIER", { threshold }, { category: "NATIONALIST" })], () => model), { body: text })[0]?.score ?? null;

describe("per-script calibration", () => {
  it("lowers only the calibrated script's score, by its logit offset", () => {
    // One feature each: logit -2 + 6 = 4 (p 0.982); Tamil with its offset: 1 (p 0.731).
    expect(scoreOf(calibrated, LATIN)).toBeCloseTo(0.982, 3);
    expect(scoreOf(calibrated, TAMIL)).toBeCloseTo(0.731, 3);
    expect(scoreOf(handMadeModel(), TAMIL)).toBeCloseTo(0.982, 3);
  });

  it("decides the threshold on the calibrated score", () => {
    expect(scoreOf(calibrated, LATIN, 0.9)).not.toBeNull();
    expect(scoreOf(calibrated, TAMIL, 0.9)).toBeNull();
    expect(scoreOf(calibrated, TAMIL, 0.7)).not.toBeNull();
  });

  it("applies to classifyText as to the rules", () => {
    expect(classifyText(TAMIL, calibrated).NATIONALIST).toBeCloseTo(0.731, 3);
    expect(classifyText(LATIN, calibrated).NATIONALIST).toBeCloseTo(0.982, 3);
  });

  it("travels in the model file, which refuses an offset that would raise a score", () => {
    const file = encodeModel(calibrated);
    expect(decodeModel(JSON.parse(JSON.stringify(file))).heads[0]!.scriptOffsets).toEqual({ tamil: -3 });
    expect(decodeModel(file).heads[1]!.scriptOffsets).toBeUndefined();
    const raising = { ...file, heads: file.heads.map((head) => ({ ...head, scriptOffsets: { tamil: 0.5 } })) };
    expect(() => decodeModel(raising)).toThrow();
  });

  it("stays with a model adapted from a calibrated prior", () => {
    const rows = [{ buckets: featurizeText(LATIN, features), targets: Float32Array.of(0, 0), weight: 1 }];
    const adapted = trainLinearModel(rows, features, { epochs: 1, learningRate: 0.1, l2: 0.01, seed: 1, prior: calibrated });
    expect(adapted.heads[0]!.scriptOffsets).toEqual({ tamil: -3 });
    expect(adapted.heads[1]!.scriptOffsets).toBeUndefined();
  });
});

describe("offsets from clean scores", () => {
  const many = (value: number, count: number, top: number[] = []) => [...top, ...Array.from({ length: count - top.length }, () => value)];

  it("moves a script's upper tail of clean logits onto the reference's", () => {
    // Upper 5% of 100 values: the 5th highest.
    const latin = many(-4, 100, [0, -0.5, -1, -1.5, -2]);
    const tamil = many(-3, 100, [1, 0.8, 0.6, 0.4, 0.2]);
    expect(upperQuantile(latin, 0.05)).toBe(-2);
    expect(scriptOffsetsFromClean(new Map([["latin", latin], ["tamil", tamil]]))).toEqual({ tamil: -2.2 });
  });

  it("never raises a script, and leaves alone what it cannot measure", () => {
    const latin = many(0, 100);
    expect(scriptOffsetsFromClean(new Map([["latin", latin], ["tamil", many(-1, 100)]]))).toEqual({});
    expect(scriptOffsetsFromClean(new Map([["latin", latin], ["tamil", many(3, 20)]]))).toEqual({});
    expect(scriptOffsetsFromClean(new Map([["tamil", many(3, 100)]]))).toEqual({});
  });
});
