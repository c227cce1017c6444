import { describe, expect, it } from "vitest";
import { DEFAULT_FEATURE_CONFIG } from "./feature-config";
import { featurizeText } from "./classify-text";
import { HashedFeatures } from "./hash-features";
import { TextNormalizer } from "../normalizer-core";

const buckets = (text: string) => Array.from(featurizeText(text, DEFAULT_FEATURE_CONFIG));

describe("hashed features", () => {
  it("are the same for the same text, in any instance, on every run", () => {
    const normalizer = new TextNormalizer();
    const features = new HashedFeatures();
    normalizer.run("The referee was blind today");
    features.extract(normalizer, DEFAULT_FEATURE_CONFIG);
    expect(Array.from(features.bucket.slice(0, features.count))).toEqual(buckets("The referee was blind today"));
    // Pinned: a change to the hashing would silently invalidate the shipped weights.
    const pinned = { hashBits: 18, words: true, bigrams: true, charMin: 2, charMax: 5 };
    // 'ok': the word, then ' o' 'ok' 'k ', ' ok' 'ok ', ' ok ' (the word padded with spaces).
    expect(Array.from(featurizeText("ok", pinned))).toEqual([44981, 219408, 62491, 152420, 22157, 91319, 11920]);
  });

  it("stay inside the table", () => {
    const size = 1 << DEFAULT_FEATURE_CONFIG.hashBits;
    for (const bucket of buckets("Cricket, politics and 1947: 🏏 தமிழ் भारत")) {
      expect(bucket).toBeGreaterThanOrEqual(0);
      expect(bucket).toBeLessThan(size);
    }
  });

  it("see through leetspeak, zero-width characters, full-width letters and case", () => {
    const plain = buckets("you idiot");
    expect(buckets("Y0U 1d10t")).toEqual(plain);
    expect(buckets("you id\u200Biot")).toEqual(plain);
    expect(buckets("ｙｏｕ ｉｄｉｏｔ")).toEqual(plain);
  });

  it("tell words, bigrams and character n-grams apart", () => {
    const words = featurizeText("ab cd", { ...DEFAULT_FEATURE_CONFIG, charMin: 0, charMax: 0, bigrams: false });
    const withPair = featurizeText("ab cd", { ...DEFAULT_FEATURE_CONFIG, charMin: 0, charMax: 0 });
    expect(words.length).toBe(2);
    expect(withPair.length).toBe(3);
    expect(new Set(withPair).size).toBe(3);
  });

  it("cap very long comments", () => {
    const long = "word ".repeat(5000);
    expect(featurizeText(long, DEFAULT_FEATURE_CONFIG).length).toBeLessThan(featurizeText("word ".repeat(900), DEFAULT_FEATURE_CONFIG).length * 1.2);
  });
});
