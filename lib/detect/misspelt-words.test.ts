import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compileRules } from "./compile-rules";
import { evaluateComment } from "./evaluate-comment";
import { misspellingsOf } from "./misspelt-words";
import { testRule } from "./test-helpers";

// Made-up vocabulary: 'scoundrel' and 'rascal*' as insults, 'martians' as a group paired with 'smelly'.
const set = compileRules([
  testRule("TERMS", { terms: ["scoundrel", "rascal*", "brute", "go jump in a lake", "monkey"] }, { id: "insults", name: "insults" }),
  testRule("NEAR", { a: ["martians"], b: ["smelly", "vermin"], within: 3 }, { id: "group", name: "group", category: "NATIONALIST" }),
  testRule("REGEX", { pattern: "\\bvillain\\b", requires: ["villain", "scundrel"] }, { id: "gated", name: "gated" }),
]);

const flagsOf = (body: string) => evaluateComment(set, { body }).map((flag) => ({
  rule: flag.ruleId, reason: flag.reason, marked: flag.spans.map(([start, end]) => body.slice(start, end)),
}));

describe("misspellingsOf", () => {
  it("swaps letter pairs after the first and drops inner letters, never one of a double", () => {
    expect([...misspellingsOf("brute", false)].sort()).toEqual(["brtue", "bruet", "burte"]);
    const dropped = misspellingsOf("kuttey", true);
    expect(dropped.has("kutey")).toBe(false);
    expect(dropped.has("kttey")).toBe(true);
    expect(dropped.has("uttey")).toBe(false);
  });
});

describe("misspelt words", () => {
  it("reads a word one swapped or dropped letter from a listed word as it, and says so", () => {
    expect(flagsOf("what a scoundrle")).toEqual([{ rule: "insults", reason: "Contains 'scoundrle' (read as 'scoundrel', misspelt) from the 'insults' list.", marked: ["scoundrle"] }]);
    expect(flagsOf("what a scondrel")[0]?.marked).toEqual(["scondrel"]);
    expect(flagsOf("such a rsacal")[0]?.reason).toContain("(read as 'rascal*', misspelt)");
    expect(flagsOf("you bruet")[0]?.reason).toContain("(read as 'brute', misspelt)");
  });

  it("leaves the exact reading and its reason as they were", () => {
    expect(flagsOf("what a scoundrel")[0]?.reason).toBe("Contains 'scoundrel' from the 'insults' list.");
    expect(flagsOf("what a SC0UNDREL")[0]?.reason).toBe("Contains 'SC0UNDREL' (read as 'scoundrel') from the 'insults' list.");
  });

  it("does not read short words, ordinary words or a letter dropped from a five-letter word", () => {
    expect(flagsOf("a brut")).toEqual([]);
    expect(flagsOf("time is money")).toEqual([]);
    expect(flagsOf("a brte")).toEqual([]);
  });

  it("reads misspelt words through the general normalizer path too (accents)", () => {
    expect(flagsOf("what a scóndrel")[0]?.marked).toEqual(["scóndrel"]);
  });

  it("opens no gate of other rule kinds, and never reads a word listed there as another word", () => {
    expect(flagsOf("a vilain")).toEqual([]);
    expect(flagsOf("a scundrel")).toEqual([]);
  });
});

describe("dotted words", () => {
  it("reads punctuation inside a word as nothing when the joined word is listed", () => {
    expect(flagsOf("what a scou.ndrel")).toEqual([{
      rule: "insults", reason: "Contains 'scou.ndrel' (read as 'scoundrel', punctuation inside ignored) from the 'insults' list.", marked: ["scou.ndrel"],
    }]);
    expect(flagsOf("what a sc-oun.drel")[0]?.marked).toEqual(["sc-oun.drel"]);
    expect(flagsOf("a scou.ndrle")[0]?.marked).toEqual(["scou.ndrle"]);
  });

  it("keeps words apart at a space, an apostrophe or a star", () => {
    expect(flagsOf("scou. ndrel")).toEqual([]);
    expect(flagsOf("scou'ndrel")).toEqual([]);
    expect(flagsOf("scou*ndrel")).toEqual([]);
  });
});

describe("words run together", () => {
  it("finds a listed phrase inside one long word", () => {
    expect(flagsOf("just gojumpinalake")).toEqual([{
      rule: "insults", reason: "Contains 'gojumpinalake' (read as 'go jump in a lake', words run together) from the 'insults' list.", marked: ["gojumpinalake"],
    }]);
  });

  it("pairs a group word and a hostile word of a NEAR rule inside one word, marking each", () => {
    expect(flagsOf("#martiansaresmelly")).toEqual([{
      rule: "group", reason: "'smelly' near 'martians' (run together in one word).", marked: ["martians", "smelly"],
    }]);
  });

  it("needs both sides, and a long word", () => {
    expect(flagsOf("martiansrule")).toEqual([]);
    expect(flagsOf("#smellyfeet")).toEqual([]);
  });
});

describe("misspelt, dotted and run-together readings on any text", () => {
  it("mark only ranges of the original that hold what the reason quotes", () => {
    const piece = fc.constantFrom("scou", "ndrel", "scoundrle", "martians", "are", "smelly", ".", "-", " ", "'", "*", "\u200B", "ü", "x", "go", "jump", "inalake", "\n");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
        const body = pieces.join("");
        for (const flag of evaluateComment(set, { body })) {
          for (const [start, end] of flag.spans) {
            expect(0 <= start && start < end && end <= body.length).toBe(true);
          }
          const quoted = [...flag.reason.matchAll(/'([^']+)'/g)].map((match) => match[1]!);
          const marked = flag.spans.map(([start, end]) => body.slice(start, end).replace(/\s+/g, " ")).join(" ");
          expect(quoted.some((text) => marked.includes(text.replace(/…$/, "")))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
