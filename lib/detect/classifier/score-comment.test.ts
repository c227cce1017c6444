import { describe, expect, it } from "vitest";
import { TextNormalizer } from "../normalizer-core";
import { HashedFeatures, MAX_FEATURE_CHARS, featureWindows } from "./hash-features";
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
    const texts = ["the cat sat on the mat", "The CAT sat, the c@t sat!", "", "தமிழ் भारत cricket", "the mat sat on the cat", "x ".repeat(3000), "the cat sat ".repeat(900) + "on the mat ".repeat(400)];
    const windowLogits = new Float64Array(2);
    for (const text of [...texts, ...texts]) {
      normalizer.run(text);
      // Per head, the highest window's logit.
      slow.fill(-Infinity);
      for (const [from, to] of featureWindows(normalizer)) {
        features.extract(normalizer, model.features, from, to);
        allHeadLogits(model, features, windowLogits);
        for (let h = 0; h < 2; h++) slow[h] = Math.max(slow[h]!, windowLogits[h]!);
      }
      scoreNormalized(normalizer, model, fast);
      expect(fast[0]).toBeCloseTo(slow[0]!, 9);
      expect(fast[1]).toBeCloseTo(slow[1]!, 9);
    }
  });
});

describe("scoreNormalized's word cache", () => {
  it("keeps giving the extracted features' logits after it fills up and starts over", () => {
    const model = randomModel();
    const normalizer = new TextNormalizer();
    const features = new HashedFeatures();
    const slow = new Float64Array(2);
    const fast = new Float64Array(2);
    // 40,000 distinct words pass the cache's 32,768 (half of its slots): it empties once on the way.
    const letters = "abcdefghijklmnopqrstuvwxyz";
    const word = (n: number) => `w${letters[n % 26]}${letters[Math.floor(n / 26) % 26]}${letters[Math.floor(n / 676) % 26]}${letters[Math.floor(n / 17576)]}`;
    for (let from = 0; from < 40_000; from += 20) {
      const text = Array.from({ length: 20 }, (_, k) => word(from + k)).join(" ");
      normalizer.run(text);
      features.extract(normalizer, model.features, 0, normalizer.wordCount);
      allHeadLogits(model, features, slow);
      scoreNormalized(normalizer, model, fast);
      expect(fast[0]).toBeCloseTo(slow[0]!, 9);
      expect(fast[1]).toBeCloseTo(slow[1]!, 9);
    }
  });
});

describe("featureWindows", () => {
  const normalizer = new TextNormalizer();
  it("is the whole comment when it fits one window", () => {
    normalizer.run("short and sweet");
    expect(featureWindows(normalizer)).toEqual([[0, 3]]);
  });

  it("covers a long comment with overlapping windows of at most MAX_FEATURE_CHARS", () => {
    const words = Array.from({ length: 3000 }, (_, index) => `w${index}`);
    normalizer.run(words.join(" "));
    const windows = featureWindows(normalizer);
    expect(windows.length).toBeGreaterThan(2);
    expect(windows[0]![0]).toBe(0);
    expect(windows.at(-1)![1]).toBe(normalizer.wordCount);
    for (const [index, [from, to]] of windows.entries()) {
      const last = normalizer.wordStarts[to - 1]!;
      expect(last - normalizer.wordStarts[from]!).toBeLessThan(MAX_FEATURE_CHARS);
      const next = windows[index + 1];
      // Each window starts inside the one before: no passage falls between two.
      if (next) expect(next[0]).toBeGreaterThan(from);
      if (next) expect(next[0]).toBeLessThan(to);
    }
  });
});
