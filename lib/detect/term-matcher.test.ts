import { describe, expect, it } from "vitest";
import { TextNormalizer } from "./normalizer-core";
import { compileTermMatcher, matchTerms, type TermHit } from "./term-matcher";

function hitsOf(terms: string[], text: string): string[] {
  const matcher = compileTermMatcher(terms.map((term) => ({ slot: 0, term })));
  const normalizer = new TextNormalizer();
  normalizer.run(text);
  const hits: TermHit[] = [];
  matchTerms(matcher, normalizer, hits);
  return hits.map((hit) => text.slice(normalizer.originStart[hit.start], normalizer.originEnd[hit.end - 1]));
}

describe("term matching", () => {
  it("matches whole words only", () => {
    expect(hitsOf(["ass"], "a classic class assignment")).toEqual([]);
    expect(hitsOf(["ass"], "kiss my ass")).toEqual(["ass"]);
    expect(hitsOf(["india"], "indiana jones")).toEqual([]);
  });
  it("supports a prefix wildcard covering the whole word", () => {
    expect(hitsOf(["idiot*"], "idiots and idiotic people, not idio")).toEqual(["idiots", "idiotic"]);
  });
  it("matches phrases across any separators", () => {
    expect(hitsOf(["ullu ka pattha"], "Ullu-ka   PATTHA!")).toEqual(["Ullu-ka   PATTHA"]);
  });
  it("accepts stretched letters but not missing ones", () => {
    expect(hitsOf(["stupid"], "stuupid stuuuupid")).toEqual(["stuupid", "stuuuupid"]);
    expect(hitsOf(["kutta"], "kuttta kutttta kuta")).toEqual(["kuttta", "kutttta"]);
    expect(hitsOf(["saale"], "big sale today")).toEqual([]);
  });
  it("keeps short terms exact so common words do not match", () => {
    expect(hitsOf(["ass"], "as is")).toEqual([]);
    expect(hitsOf(["rat"], "aaj raat")).toEqual([]);
    expect(hitsOf(["rat"], "you raaaat")).toEqual(["raaaat"]);
  });
  it("finds evasive spellings through normalization", () => {
    expect(hitsOf(["idiot"], "1d10t іdiot id\u200Biot ｉｄｉｏｔ i.d.i.o.t")).toHaveLength(5);
  });
  it("refuses terms that normalize to nothing or misuse the wildcard", () => {
    expect(() => compileTermMatcher([{ slot: 0, term: "!!!" }])).toThrow(/no letters/);
    expect(() => compileTermMatcher([{ slot: 0, term: "id*ot" }])).toThrow(/at the end/);
  });
});
