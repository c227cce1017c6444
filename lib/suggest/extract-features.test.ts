import { describe, expect, it } from "vitest";
import { extractFeatures, readableFeature, wordsOf } from "./extract-features";

describe("extractFeatures", () => {
  it("normalizes like the rules engine before splitting into words", () => {
    expect(wordsOf("You 1d10t, STUUUPID ｉｄｉｏｔ!")).toEqual(["you", "idiot", "stupid", "idiot"]);
  });

  it("gives word unigrams, bigrams and character 3-/4-grams, each once", () => {
    const features = extractFeatures("Bad idea, bad idea");
    expect(features).toContain("w:bad");
    expect(features).toContain("b:bad idea");
    expect(features).toContain("b:idea bad");
    expect(features).toContain("c: ba");
    expect(features).toContain("c:bad ");
    expect(features).toContain("c: bad");
    expect(features.filter((feature) => feature === "w:bad")).toHaveLength(1);
  });

  it("gives nothing for text without words", () => {
    expect(extractFeatures("  ...!!! ")).toEqual([]);
  });

  it("shows words and phrases, not character n-grams", () => {
    expect(readableFeature("w:idiot")).toBe("idiot");
    expect(readableFeature("b:you idiot")).toBe("you idiot");
    expect(readableFeature("c:idi")).toBeNull();
  });
});
