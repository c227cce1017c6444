import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compileRules } from "./compile-rules";
import { evaluateComment } from "./evaluate-comment";
import { matchMisspeltWords, misspellingsOf } from "./misspelt-words";
import { HitList, matchTermsInto } from "./term-matcher";
import { TextNormalizer } from "./normalizer-core";
import { testRule } from "./test-helpers";

// Made-up vocabulary: 'scoundrel' and 'rascal*' as insults, 'martians' as a group paired with 'smelly'.
const set = compileRules([
  testRule("TERMS", { terms: ["scoundrel", "rascal*", "brute", "go jump in a lake", "monkey", "toad", "numpty", "nitwit", "nutjob"] }, { id: "insults", name: "insults" }),
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
    expect(flagsOf("martians are smlely")[0]?.reason).toBe("'smlely' (read as 'smelly', misspelt) near 'martians' (2 words apart).");
  });

  it("reads them wherever they stand: first, last, between other words, in capitals", () => {
    expect(flagsOf("Scoundrle!")[0]?.marked).toEqual(["Scoundrle"]);
    expect(flagsOf("a SCONDREL, a brute")[0]?.marked).toEqual(["SCONDREL", "brute"]);
    expect(flagsOf("no, you are a scondrel and a liar")[0]?.marked).toEqual(["scondrel"]);
  });

  it("leaves the exact reading and its reason as they were", () => {
    expect(flagsOf("what a scoundrel")[0]?.reason).toBe("Contains 'scoundrel' from the 'insults' list.");
    expect(flagsOf("what a SC0UNDREL")[0]?.reason).toBe("Contains 'SC0UNDREL' (read as 'scoundrel') from the 'insults' list.");
  });

  it("does not read short words, ordinary words or a letter dropped from a five-letter word", () => {
    expect(flagsOf("a brut")).toEqual([]);
    expect(flagsOf("time is money")).toEqual([]);
    expect(flagsOf("a brte")).toEqual([]);
    expect(flagsOf("a mnokey")).toEqual([{ rule: "insults", reason: "Contains 'mnokey' (read as 'monkey', misspelt) from the 'insults' list.", marked: ["mnokey"] }]);
    expect(flagsOf("time is money, monkey")[0]?.marked).toEqual(["monkey"]);
  });

  it("reads misspelt words through the general normalizer path too (accents, leetspeak)", () => {
    expect(flagsOf("what a scóndrel")[0]?.marked).toEqual(["scóndrel"]);
    expect(flagsOf("what a sc0undrle")[0]?.marked).toEqual(["sc0undrle"]);
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
    expect(flagsOf("a sc0u.ndrel")[0]?.marked).toEqual(["sc0u.ndrel"]);
    expect(flagsOf("a scou.-ndrel")[0]?.marked).toEqual(["scou.-ndrel"]);
    expect(flagsOf("a scou...ndrel")).toEqual([]);
  });

  it("keeps words apart at a space or an apostrophe, and a star never reads as nothing", () => {
    expect(flagsOf("scou. ndrel")).toEqual([]);
    expect(flagsOf("scou'ndrel")).toEqual([]);
    expect(flagsOf("scou*ndrel")).toEqual([]);
    expect(flagsOf("well-known e.g. U.S. re-run")).toEqual([]);
  });
});

describe("masked words", () => {
  it("reads a mask symbol as one hidden letter when exactly one listed word fits, and says so", () => {
    expect(flagsOf("what a sc*undrel")).toEqual([{
      rule: "insults", reason: "Contains 'sc*undrel' (read as 'scoundrel', '*' read as a hidden letter) from the 'insults' list.", marked: ["sc*undrel"],
    }]);
    expect(flagsOf("you n#tjob")[0]?.reason).toBe("Contains 'n#tjob' (read as 'nutjob', '#' read as a hidden letter) from the 'insults' list.");
    expect(flagsOf("a t_ad")[0]?.marked).toEqual(["t_ad"]);
    expect(flagsOf("a nump-y")[0]?.marked).toEqual(["nump-y"]);
    expect(flagsOf("a sc.undrel")[0]?.reason).toContain("'.' read as a hidden letter");
    expect(flagsOf("martians are sm*lly")[0]?.reason).toBe("'sm*lly' (read as 'smelly', '*' read as a hidden letter) near 'martians' (2 words apart).");
  });

  it("reads a mask inside a leetspeak word (the general normalizer path)", () => {
    expect(flagsOf("you n1tw*t")[0]?.marked).toEqual(["n1tw*t"]);
  });

  it("reads nothing when two listed words fit the mask, or none does", () => {
    // 'nitwit' and 'nutwit'? Only 'nitwit' is listed; 'n*t' fits 'nut' and 'nit', neither listed as a word.
    expect(flagsOf("a n*t")).toEqual([]);
    const twoFit = compileRules([testRule("TERMS", { terms: ["gobbet", "gibbet"] }, { id: "two", name: "two" })]);
    expect(evaluateComment(twoFit, { body: "a g*bbet" })).toEqual([]);
    expect(evaluateComment(twoFit, { body: "a gibb*t" })[0]?.reason).toContain("read as 'gibbet'");
  });

  it("reads no letter behind a hyphen or a dot between two short pieces or around an ordinary word", () => {
    const short = compileRules([testRule("TERMS", { terms: ["toady", "tatat", "tufty", "chamcha"] }, { id: "t", name: "t" })]);
    expect(evaluateComment(short, { body: "to-dy" })).toEqual([]);
    expect(evaluateComment(short, { body: "ta-at" })).toEqual([]);
    expect(evaluateComment(short, { body: "cha-cha" })).toEqual([]);
    expect(evaluateComment(short, { body: "cha*cha" })).toHaveLength(1);
    expect(evaluateComment(short, { body: "t.fty" })[0]?.reason).toContain("'.' read as a hidden letter");
    expect(evaluateComment(short, { body: "to*dy" })[0]?.reason).toContain("'*' read as a hidden letter");
  });

  it("needs the mask inside the word, one symbol for one letter, and no space", () => {
    expect(flagsOf("*coundrel")).toEqual([]);
    expect(flagsOf("scoundre*")).toEqual([]);
    expect(flagsOf("sc**undrel")).toEqual([]);
    expect(flagsOf("sc * undrel")).toEqual([]);
    expect(flagsOf("t@ad")).toEqual([]);
  });
});

describe("misspelt, dotted and masked readings on any text", () => {
  it("mark only ranges of the original that hold what the reason quotes", () => {
    const piece = fc.constantFrom("scou", "ndrel", "scoundrle", "martians", "are", "smelly", ".", "-", " ", "'", "*", "#", "_", "\u200B", "ü", "x", "sc", "undrel", "1", "@", "\n");
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

  it("the filtered loop gives the same readings as looking at every word and gap", () => {
    const piece = fc.constantFrom("scou", "ndrel", "scou.", "scou-", "sc*", "sc#", "sc.", "scondrel", "brtue", "money", "rsacal", ".", "-", " ", ", ", "*", "#", "'", "1", "@", "é", "sc", "undrel", "A", "\n", "\u00A0");
    const normalizer = new TextNormalizer();
    const hitsOf = (list: HitList) => [...list.slot.subarray(0, list.count)].map((slot, h) => [slot, list.target[h], list.start[h], list.end[h]].join(":")).sort();
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const body = pieces.join("");
        normalizer.run(body);
        const noted = new HitList();
        matchTermsInto(set.termMatcher, normalizer, noted);
        const every = new HitList();
        matchTermsInto(set.termMatcher, normalizer, every);
        matchMisspeltWords(set.misspelt, normalizer, body, noted);
        matchMisspeltWords(set.misspelt, normalizer, body, every, true);
        expect(hitsOf(noted)).toEqual(hitsOf(every));
      }),
      { numRuns: 500 },
    );
  });
});
