import { describe, expect, it } from "vitest";
import { TextNormalizer } from "../normalizer-core";
import { HashedFeatures } from "./hash-features";
import { allHeadLogits, type LinearModel } from "./linear-model";
import { scoreNormalized } from "./score-comment";
import { mulberry32 } from "@/lib/seeded-random";

function randomModel(): LinearModel {
  const random = mulberry32(99);
  const features = { hashBits: 14, words: true, bigrams: true, charMin: 2, charMax: 5 };
  const weights = () => Float32Array.from({ length: 1 << features.hashBits }, () => random() - 0.5);
  return { features, heads: [{ category: "NATIONALIST", bias: -1, weights: weights() }, { category: "ABUSIVE", bias: 0.5, weights: weights() }] };
}

describe("scoreNormalized (rule evaluation's cached path)", () => {
  it("gives the logits of extracting every feature, for repeated and new words alike", () => {
    const model = randomModel();
    const normalizer = new TextNormalizer();
    const features = new HashedFeatures();
    const slow = new Float64Array(2);
    const fast = new Float64Array(2);
    const texts = ["the cat sat on the mat", "The CAT sat, the c@t sat!", "", "தமிழ் भारत cricket", "the mat sat on the cat", "x ".repeat(3000)];
    for (const text of [...texts, ...texts]) {
      normalizer.run(text);
      features.extract(normalizer, model.features);
      allHeadLogits(model, features, slow);
      scoreNormalized(normalizer, model, fast);
      expect(fast[0]).toBeCloseTo(slow[0]!, 9);
      expect(fast[1]).toBeCloseTo(slow[1]!, 9);
    }
  });
});
