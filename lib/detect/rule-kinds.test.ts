import { describe, expect, it } from "vitest";
import { compileRules } from "./compile-rules";
import { evaluateComment } from "./evaluate-comment";
import { testRule } from "./test-helpers";
import type { CommentContext, FlagResult, RuleDefinition } from "./types";

function run(rule: RuleDefinition, ctx: CommentContext | string): FlagResult[] {
  return evaluateComment(compileRules([rule]), typeof ctx === "string" ? { body: ctx } : ctx);
}

const highlighted = (body: string, flag: FlagResult | undefined) => flag?.spans.map(([s, e]) => body.slice(s, e));

describe("TERMS", () => {
  const rule = testRule("TERMS", { terms: ["idiot*", "ullu ka pattha", "ass"] }, { name: "insults" });
  it("flags evasive spellings with spans on the original text", () => {
    const body = "You 1d10t, such an ullu-ka-pattha";
    const [flag] = run(rule, body);
    expect(highlighted(body, flag)).toEqual(["1d10t", "ullu-ka-pattha"]);
    expect(flag?.reason).toBe("Contains '1d10t' (read as 'idiot*') and 1 more match from the 'insults' list.");
    expect(flag?.ruleVersion).toBe(1);
  });
  it("does not flag substrings ('class' is not 'ass')", () => {
    expect(run(rule, "a classy passage about classes")).toEqual([]);
  });
  it("drops each hit whose sentence, just before it, matches unlessBefore", () => {
    const guarded = testRule("TERMS", { terms: ["walrus*"], unlessBefore: "\\bcalling (?:[a-z]+ )?$" });
    expect(run(guarded, "Calling him walrus wins nothing")).toEqual([]);
    const body = "Stop calling him walrus. You walrus!";
    expect(highlighted(body, run(guarded, body)[0])).toEqual(["walrus"]);
    expect(run(guarded, body)[0]?.spans).toEqual([[body.lastIndexOf("walrus"), body.lastIndexOf("walrus") + 6]]);
    expect(() => compileRules([testRule("TERMS", { terms: ["x"], unlessBefore: "(?=y)" })])).toThrow(/unlessBefore: lookahead/);
  });
});

describe("NEAR", () => {
  const rule = testRule("NEAR", { a: ["india", "pakistan*"], b: ["stupid", "rats"], within: 3 }, { category: "NATIONALIST" });
  it("flags a group term within N words of a hostility term, either order", () => {
    const body = "Those Pakistanis are stupid.";
    const [flag] = run(rule, body);
    expect(highlighted(body, flag)).toEqual(["Pakistanis", "stupid"]);
    expect(flag?.reason).toBe("'stupid' near 'Pakistanis' (2 words apart).");
    expect(run(rule, "stupid i.n.d.i.a")).toHaveLength(1);
  });
  it("does not flag when the terms are farther apart or alone", () => {
    expect(run(rule, "India won the toss and the stupid umpire gave it")).toEqual([]);
    expect(run(rule, "Pakistan beat India")).toEqual([]);
  });
  it("scores closer pairs higher", () => {
    const near = run(rule, "stupid india")[0]!.score;
    const far = run(rule, "stupid and so very india")[0];
    expect(far).toBeUndefined();
    expect(near).toBe(1);
    expect(run(rule, "india is so stupid")[0]!.score).toBeLessThan(near);
  });
  it("skips a pair after unlessBefore in the same sentence", () => {
    const guarded = testRule("NEAR", { a: ["india", "pakistan*"], b: ["stupid", "rats"], within: 3, unlessBefore: "\\b(?:not|he said)\\b" }, { category: "NATIONALIST" });
    expect(run(guarded, "Pakistanis are not rats.")).toEqual([]);
    expect(run(guarded, "He said: Pakistanis are rats, and was fined.")).toEqual([]);
    // The exception reads the sentence of the pair, not the one before.
    expect(run(guarded, "I do not agree. Pakistanis are rats.")).toHaveLength(1);
    expect(() => compileRules([testRule("NEAR", { a: ["x"], b: ["y"], within: 2, unlessBefore: "(?=y)" })])).toThrow(/unlessBefore/);
  });
});

describe("REGEX", () => {
  it("runs on the normalized text by default and maps spans back", () => {
    const rule = testRule("REGEX", { pattern: "terror(ist)? state" });
    const body = "a T3RR0R   STATE indeed";
    const [flag] = run(rule, body);
    expect(highlighted(body, flag)).toEqual(["T3RR0R   STATE"]);
  });
  it("can run on the original text", () => {
    const rule = testRule("REGEX", { pattern: "[A-Z]{5,}", target: "original" });
    expect(highlighted("so ANGRY today", run(rule, "so ANGRY today")[0])).toEqual(["ANGRY"]);
  });
  it("reads past invisible characters inside a word on the original text, spans still on the original", () => {
    const rule = testRule("REGEX", { pattern: "(?:^|[^\\p{Devanagari}])गधे", target: "original" });
    const body = "\u200Bतुम ग\u200Dधे हो";
    expect(highlighted(body, run(rule, body)[0])).toEqual(["ग\u200Dधे"]);
    const gated = testRule("REGEX", { pattern: "ANGRY", target: "original", requires: ["angry"] });
    const shouted = "calm words, then AN\u00ADGRY ones";
    expect(highlighted(shouted, run(gated, shouted)[0])).toEqual(["AN\u00ADGRY"]);
    expect(run(rule, "तुम गधा नहीं हो")).toEqual([]);
  });
  it("refuses patterns RE2 cannot run in linear time, with a clear message", () => {
    expect(() => compileRules([testRule("REGEX", { pattern: "(?<=kill )them" })])).toThrow(
      "lookbehind (?<=…) / (?<!…) cannot run in linear time",
    );
    expect(() => compileRules([testRule("REGEX", { pattern: "(a)\\1" })])).toThrow(/backreferences/);
    expect(() => compileRules([testRule("REGEX", { pattern: "idiot(?!ic)" })])).toThrow(/lookahead/);
    expect(() => compileRules([testRule("REGEX", { pattern: "[abc" })])).toThrow(/missing closing/);
  });
});

describe("OFF_TOPIC", () => {
  const rule = testRule("OFF_TOPIC", { minWords: 5, maxSimilarity: 0.2 }, { category: "OFF_TOPIC" });
  const articleText = "Pakistan intelligence agency sought to tap internet cables for digital espionage and surveillance";
  it("flags a long comment sharing almost nothing with article and parent", () => {
    const body = "Cricket selectors dropped the best batsman again before the tournament, shocking decisions";
    const [flag] = run(rule, { body, articleText, parentBody: "Great match yesterday in Lahore" });
    expect(flag?.score).toBe(1);
    expect(highlighted(body, flag)).toEqual([body]);
  });
  it("does not flag comments on the article's topic or on the parent's topic", () => {
    expect(run(rule, { body: "Tapping internet cables is espionage and intelligence agencies love surveillance", articleText })).toEqual([]);
    expect(run(rule, { body: "The selectors dropped the batsman before the tournament again", articleText, parentBody: "Why did selectors drop the batsman before the tournament?" })).toEqual([]);
  });
  it("never flags short comments", () => {
    expect(run(rule, { body: "So this is good.", articleText })).toEqual([]);
    expect(run(rule, { body: "Why can’t we?", articleText })).toEqual([]);
  });
});

describe("SHOUTING, LINKS, REPETITION", () => {
  it("flags mostly-capital comments", () => {
    const rule = testRule("SHOUTING", { minLetters: 10, minUpperRatio: 0.7 }, { category: "SPAM" });
    expect(run(rule, "THIS GOVERNMENT IS A DISGRACE")[0]?.reason).toBe("100% of its 25 letters are capitals.");
    expect(run(rule, "The LANDING sites are in Karachi")).toEqual([]);
  });
  it("counts URLs and bare domains", () => {
    const rule = testRule("LINKS", { maxLinks: 1 }, { category: "SPAM" });
    const body = "Earn money at http://spam.example.com/x and cheapjobs.pk now";
    expect(highlighted(body, run(rule, body)[0])).toEqual(["http://spam.example.com/x", "cheapjobs.pk"]);
    expect(run(rule, "See dawn.com for details, e.g. the report.")).toEqual([]);
  });
  it("flags a word or phrase repeated back to back, and long character runs", () => {
    const rule = testRule("REPETITION", { minRepeats: 4, minCharRun: 10 }, { category: "SPAM" });
    const body = "buy now buy now buy now buy now!";
    expect(highlighted(body, run(rule, body)[0])).toEqual(["buy now buy now buy now buy now"]);
    expect(run(rule, "no no no way")).toEqual([]);
    expect(run(rule, "what!!!!!!!!!!!!")[0]?.reason).toBe("One character is repeated 12 times in a row.");
  });
});
