import { describe, expect, it } from "vitest";
import { featurizeText } from "./classify-text";
import { sigmoid } from "./linear-model";
import { trainLinearModel, type TrainingRow } from "./train-linear";
import { classifyText } from "./classify-text";

const features = { hashBits: 12, words: true, bigrams: false, charMin: 0, charMax: 0 };
const U = Number.NaN;

function row(text: string, nationalist: number, abusive: number): TrainingRow {
  return { buckets: featurizeText(text, features), targets: Float32Array.from([nationalist, abusive]), weight: 1 };
}

// Toy data written for this test: 'rotten' and 'clown' are the hostile words.
const rows = [
  row("you are a clown", U, 1), row("what a clown", U, 1), row("clown behaviour again", U, 1),
  row("that nation is rotten", 1, U), row("rotten people over there", 1, U),
  row("nice match today", 0, 0), row("the budget is late", 0, 0), row("people over there like cricket", 0, 0),
  row("you are right about the match", 0, 0),
];
const options = { epochs: 20, learningRate: 0.5, l2: 1e-6, seed: 7 };

describe("trainLinearModel", () => {
  it("gives the same weights for the same rows and seed", () => {
    const first = trainLinearModel(rows, features, options);
    const second = trainLinearModel(rows, features, options);
    expect(Array.from(first.heads[0]!.weights)).toEqual(Array.from(second.heads[0]!.weights));
    expect(first.heads[1]!.bias).toBe(second.heads[1]!.bias);
  });

  it("learns each head from the rows that label it", () => {
    const model = trainLinearModel(rows, features, options);
    expect(classifyText("such a clown", model).ABUSIVE).toBeGreaterThan(0.5);
    expect(classifyText("a rotten nation", model).NATIONALIST).toBeGreaterThan(0.5);
    expect(classifyText("nice cricket match", model).ABUSIVE).toBeLessThan(0.5);
    expect(classifyText("nice cricket match", model).NATIONALIST).toBeLessThan(0.5);
  });

  it("starts from the prior and stays near it where new rows say nothing", () => {
    const base = trainLinearModel(rows, features, options);
    const adapted = trainLinearModel([row("the umpire is a donkey", U, 1)], features, { ...options, epochs: 5, prior: base });
    expect(classifyText("the umpire is a donkey", adapted).ABUSIVE).toBeGreaterThan(classifyText("the umpire is a donkey", base).ABUSIVE);
    expect(classifyText("a rotten nation", adapted).NATIONALIST).toBeCloseTo(classifyText("a rotten nation", base).NATIONALIST, 5);
    expect(sigmoid(0)).toBe(0.5);
  });
});
