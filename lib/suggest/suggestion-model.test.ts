import { describe, expect, it } from "vitest";
import { evaluateSuggestionModel, splitByTime } from "./evaluate-model";
import { generateLabelledComments } from "./generate-labelled-comments";
import { parseSuggestionParams, serializeSuggestionParams } from "./serialize-model";
import { compileSuggestionModel, predictSuggestion, trainSuggestionParams } from "./suggestion-model";
import type { Reason, TrainingExample } from "./types";

let minute = 0;
const example = (text: string, reason: Reason | null): TrainingExample => ({
  text,
  action: reason ? "HIDE" : "APPROVE",
  reason,
  decidedAt: new Date(Date.UTC(2015, 0, 1, 0, minute++)),
});

// A toy set a linear model separates perfectly: clean words decide the label.
const TOY: TrainingExample[] = [
  ...["the budget debate was fair", "good report on the budget", "fair point about taxes", "the minister gave a fair answer", "a good debate on taxes"].map((text) => example(text, null)),
  ...["you idiot shut up", "what an idiot writer", "shut up you fool", "idiot fool idiot", "the writer is a fool"].map((text) => example(text, "ABUSIVE")),
  ...["earn money click here", "click here for free money", "earn free money now", "money money click"].map((text) => example(text, "SPAM")),
];

describe("the suggestion model", () => {
  it("learns a separable toy set: action, reason and the words that weighed", () => {
    const model = compileSuggestionModel(trainSuggestionParams(TOY, { minDocs: 1, maxFeatures: 10_000, alpha: 1 }));
    const abusive = predictSuggestion(model, "Shut up, you IDIOT");
    expect(abusive.action).toBe("HIDE");
    expect(abusive.reason).toBe("ABUSIVE");
    expect(abusive.confidence).toBeGreaterThan(0.9);
    expect(abusive.words.map((word) => word.text)).toContain("idiot");
    expect(abusive.words.every((word) => word.weight > 0)).toBe(true);
    const spam = predictSuggestion(model, "click here to earn money");
    expect(spam).toMatchObject({ action: "HIDE", reason: "SPAM" });
    const fine = predictSuggestion(model, "a fair budget debate");
    expect(fine).toMatchObject({ action: "APPROVE", reason: null, reasonConfidence: null });
    expect(fine.words.map((word) => word.text)).toContain("fair");
    for (const row of TOY) expect(predictSuggestion(model, row.text).action).toBe(row.action);
  });

  it("survives a serialization round trip with identical predictions", () => {
    const params = trainSuggestionParams(TOY, { minDocs: 1, maxFeatures: 10_000, alpha: 1 });
    const restored = parseSuggestionParams(JSON.parse(serializeSuggestionParams(params)));
    expect(restored).toEqual(params);
    const before = compileSuggestionModel(params);
    const after = compileSuggestionModel(restored);
    for (const text of ["you idiot", "fair budget", "free money", "nothing known here"]) expect(predictSuggestion(after, text)).toEqual(predictSuggestion(before, text));
  });

  it("refuses params whose arrays disagree", () => {
    const params = trainSuggestionParams(TOY, { minDocs: 1, maxFeatures: 10_000, alpha: 1 });
    expect(() => parseSuggestionParams({ ...params, vocabulary: params.vocabulary.slice(1) })).toThrow(/disagree/);
    expect(() => parseSuggestionParams({ ...params, format: 2 })).toThrow();
  });

  it("predicts the majority class, with no reason, when it knows no word of the text", () => {
    const model = compileSuggestionModel(trainSuggestionParams(TOY, { minDocs: 1, maxFeatures: 10_000, alpha: 1 }));
    const unknown = predictSuggestion(model, "zzzq");
    expect(unknown.action).toBe("HIDE"); // 9 of the 14 toy decisions are hides
    expect(unknown.words).toEqual([]);
  });

  it("beats the majority baseline on a generated labelled set, for hide vs approve and for reasons", () => {
    const examples = generateLabelledComments({ count: 3_000, seed: 11 });
    const evaluation = evaluateSuggestionModel(examples);
    expect(evaluation.trainSize).toBe(2_400);
    expect(evaluation.heldOutSize).toBe(600);
    expect(evaluation.action.baselineLabel).toBe("APPROVE");
    expect(evaluation.action.accuracy).toBeGreaterThan(evaluation.action.baselineAccuracy + 0.15);
    expect(evaluation.reason.accuracy).toBeGreaterThan(evaluation.reason.baselineAccuracy + 0.15);
    const hide = evaluation.action.model.find((row) => row.label === "HIDE");
    expect(hide?.precision).toBeGreaterThan(0.8);
    expect(hide?.recall).toBeGreaterThan(0.7);
    const baselineHide = evaluation.action.baseline.find((row) => row.label === "HIDE");
    expect(baselineHide).toMatchObject({ predicted: 0, precision: null, recall: 0 });
  });
});

describe("the time-based split", () => {
  it("trains on the oldest 80% and holds out the newest 20%, whatever the input order", () => {
    const rows = [5, 1, 4, 2, 3, 9, 7, 8, 6, 10].map((day) => ({ day, decidedAt: new Date(Date.UTC(2015, 0, day)) }));
    const { train, heldOut } = splitByTime(rows);
    expect(train.map((row) => row.day)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(heldOut.map((row) => row.day)).toEqual([9, 10]);
  });
});

describe("the labelled comment generator", () => {
  it("is deterministic for a seed and gives each class its share", () => {
    const first = generateLabelledComments({ count: 2_000, seed: 3 });
    expect(generateLabelledComments({ count: 2_000, seed: 3 })).toEqual(first);
    const hidden = first.filter((row) => row.action === "HIDE").length / first.length;
    expect(hidden).toBeGreaterThan(0.3);
    expect(hidden).toBeLessThan(0.45);
    expect(new Set(first.map((row) => row.reason))).toEqual(new Set([null, "ABUSIVE", "NATIONALIST", "SPAM", "OFF_TOPIC", "OTHER"]));
  });
});
