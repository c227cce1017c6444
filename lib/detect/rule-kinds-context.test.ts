import { describe, expect, it } from "vitest";
import { compileRules } from "./compile-rules";
import { evaluateComment } from "./evaluate-comment";
import { crossesSentenceBoundary } from "./sentence-boundary";
import { dominantScript } from "./dominant-script";
import { testRule } from "./test-helpers";
import type { CommentContext, FlagResult, RuleDefinition } from "./types";

// How rules read the context of a match: sentence ends, negation before it, gate words, the article.

function run(rule: RuleDefinition, ctx: CommentContext | string): FlagResult[] {
  return evaluateComment(compileRules([rule]), typeof ctx === "string" ? { body: ctx } : ctx);
}

const highlighted = (body: string, flag: FlagResult | undefined) => flag?.spans.map(([s, e]) => body.slice(s, e));

describe("sentence boundaries", () => {
  it("end at . ! ? … and line breaks, not inside abbreviations or numbers", () => {
    const ends = (text: string) => crossesSentenceBoundary(text, 0, text.length);
    expect(["a. b", "a! b", "a? b", "a… b", "a\nb", "end.Start", "a.. b"].map(ends)).toEqual([true, true, true, true, true, true, true]);
    expect(["U.S.A is", "5.5 overs", "a, b; c - d"].map(ends)).toEqual([false, false, false]);
  });
});

describe("NEAR within one sentence", () => {
  const rule = testRule("NEAR", { a: ["pakistan*"], b: ["dirty", "cowards"], within: 3 }, { category: "NATIONALIST" });
  it("does not pair words from two sentences, however close", () => {
    expect(run(rule, "They toured Pakistan. Dirty pitches everywhere.")).toEqual([]);
    expect(run(rule, "Pakistan!\ncowards, all of the umpires")).toEqual([]);
  });
  it("picks the pair that shares a sentence and highlights just those two words", () => {
    const body = "Pakistan. The Pakistanis are cowards";
    const [flag] = run(rule, body);
    expect(highlighted(body, flag)).toEqual(["Pakistanis", "cowards"]);
  });
});

describe("REGEX context", () => {
  it("drops a match on normalized text that spans a sentence end in the original", () => {
    const rule = testRule("REGEX", { pattern: "\\bfans are animals\\b" });
    expect(run(rule, "I met the fans. Are animals allowed in?")).toEqual([]);
    expect(run(rule, "Honestly the fans are animals")).toHaveLength(1);
  });
  it("stands down after a negation in the same sentence (unlessBefore)", () => {
    const rule = testRule("REGEX", { pattern: "\\bwalruses are (?:all )?thieves\\b", unlessBefore: "\\b(?:not|wrong)\\b" });
    expect(run(rule, "Walruses are all thieves")).toHaveLength(1);
    expect(run(rule, "Not all walruses are thieves")).toEqual([]);
    expect(run(rule, "It is wrong to say that walruses are thieves")).toEqual([]);
    // The negation of an earlier sentence does not excuse this one.
    expect(run(rule, "I was not there. Walruses are thieves")).toHaveLength(1);
  });
  it("with `requires`, runs only where a gate word occurs, and finds every match near one", () => {
    const gated = testRule("REGEX", { pattern: "\\b(?:walrus|seal)(?:es|s)? stole\\b", requires: ["stole"] });
    const filler = Array.from({ length: 60 }, () => "and then").join(" ");
    const body = `The walrus stole fish ${filler} the seals stole more`;
    expect(highlighted(body, run(gated, body)[0])).toEqual(["walrus stole", "seals stole"]);
    const wrongGate = testRule("REGEX", { pattern: "\\bwalrus stole\\b", requires: ["penguin"] });
    expect(run(wrongGate, "the walrus stole it")).toEqual([]);
  });
  it("keeps '^' and '$' meaning the comment's start and end inside a gated window", () => {
    const rule = testRule("REGEX", { pattern: "(?:^walrus|walrus$)", requires: ["walrus"] });
    const filler = Array.from({ length: 30 }, () => "and then").join(" ");
    expect(run(rule, `${filler} walrus ${filler}`)).toEqual([]);
    expect(run(rule, `${filler} walrus`)).toHaveLength(1);
    expect(run(rule, `walrus ${filler}`)).toHaveLength(1);
  });
  it("stands down when the words just after a match say what befalls them (unlessAfter)", () => {
    const rule = testRule("REGEX", { pattern: "\\btired of walruses\\b", unlessAfter: "^being (?:robbed|chased)\\b" });
    expect(run(rule, "I am tired of walruses")).toHaveLength(1);
    expect(run(rule, "Tired of walruses, they stink")).toHaveLength(1);
    expect(run(rule, "I am tired of walruses being so loud")).toHaveLength(1);
    expect(run(rule, "I am tired of walruses being robbed by tourists")).toEqual([]);
    expect(run(rule, "Tired of walruses BEING CHASED off the beach!")).toEqual([]);
    // The next sentence is not read: '^' must still sit right after the match.
    expect(run(rule, "Tired of walruses. Being robbed is what tourists fear")).toHaveLength(1);
  });
  it("rejects an invalid unlessAfter with the field named", () => {
    expect(() => compileRules([testRule("REGEX", { pattern: "x", unlessAfter: "(?=y)" })])).toThrow(/unlessAfter: lookahead/);
  });
  it("rejects an invalid unlessBefore with the field named", () => {
    expect(() => compileRules([testRule("REGEX", { pattern: "x", unlessBefore: "(?=y)" })])).toThrow(/unlessBefore: lookahead/);
  });
});

describe("OFF_TOPIC context", () => {
  const rule = testRule("OFF_TOPIC", { minWords: 5, maxSimilarity: 0.2, minArticleWords: 8 }, { category: "OFF_TOPIC" });
  const article = "Provincial budget raises spending on schools, hospitals, roads and rural water schemes this year";
  const offTopic = "My cousin sells excellent handmade carpets, cheap delivery across the whole city, message me";
  it("judges a comment against an article with enough words to compare", () => {
    expect(run(rule, { body: offTopic, articleText: article })).toHaveLength(1);
  });
  it("does not judge against a bare title", () => {
    expect(run(rule, { body: offTopic, articleText: "Budget day" })).toEqual([]);
  });
  it("never flags a comment for being in another script than the article", () => {
    const tamil = "இந்த வரவு செலவு திட்டம் பள்ளிகளுக்கும் மருத்துவமனைகளுக்கும் நல்லது என்று நினைக்கிறேன் நண்பர்களே";
    expect(dominantScript(tamil)).toBe("tamil");
    expect(run(rule, { body: tamil, articleText: article })).toEqual([]);
  });
});
