import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compileRules } from "./compile-rules";
import { evaluateComment } from "./evaluate-comment";
import { findLinks } from "./kind-links";
import { testRule } from "./test-helpers";

describe("evaluateComment", () => {
  it("reports flags in the admin's rule order, whatever order the hits come in", () => {
    const set = compileRules([
      testRule("TERMS", { terms: ["zebra"] }, { id: "first" }),
      testRule("SHOUTING", { minLetters: 5, minUpperRatio: 0.5 }, { id: "second" }),
      testRule("NEAR", { a: ["you"], b: ["idiot"], within: 2 }, { id: "third" }),
      testRule("TERMS", { terms: ["idiot", "zebra"] }, { id: "fourth" }),
    ]);
    const flags = evaluateComment(set, { body: "IDIOT YOU ARE, ZEBRA" });
    expect(flags.map((flag) => flag.ruleId)).toEqual(["first", "second", "third", "fourth"]);
    expect(evaluateComment(set, { body: "nothing to see" })).toEqual([]);
    // The reused scratch state must not leak from one comment into the next.
    expect(evaluateComment(set, { body: "a zebra" }).map((flag) => flag.ruleId)).toEqual(["first", "fourth"]);
  });

  it("LINKS flags exactly when the link finder counts too many links", () => {
    const rule = testRule("LINKS", { maxLinks: 1 }, { category: "SPAM" });
    const set = compileRules([rule]);
    const piece = fc.constantFrom("x", ".", "com", "pk", "www", "://", "http", " ", "i.n.d.i.a", "ſ", "K", "COM", "-", "/", "1");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const body = pieces.join("");
        const links = findLinks(body);
        const flags = evaluateComment(set, { body });
        expect(flags.length).toBe(links.length > 1 ? 1 : 0);
        if (flags.length > 0) expect(flags[0]!.spans).toEqual(links);
      }),
      { numRuns: 400 },
    );
  });

  it("OFF_TOPIC flags exactly when a hand-written word count says so (stopping early included)", () => {
    const config = { minWords: 5, maxSimilarity: 0.2 };
    const set = compileRules([testRule("OFF_TOPIC", config, { category: "OFF_TOPIC" })]);
    // The oracle knows these words by hand, not through the stemmer under test: "the" and "and"
    // are function words, "2015" a number (words, but not content words), and no two of the
    // others share a stem, so a content word is "in the article" when the same word is there.
    const CONTENT = ["cricket", "selectors", "budget", "inflation", "cables", "espionage", "tapping", "agencies", "batsman"];
    const words = [...CONTENT, "the", "and", "2015"];
    const text = fc.array(fc.constantFrom(...words), { minLength: 0, maxLength: 40 }).map((list) => list.join(" "));
    // An article with at least one content word: without one the rule does not judge at all.
    const articleWithContent = fc.tuple(fc.constantFrom(...CONTENT), text).map(([word, rest]) => `${word} ${rest}`);
    const tokens = (value: string) => value.split(" ").filter((word) => word !== "");
    function handCountedFlags(body: string, articleText: string, parentBody: string | undefined): boolean {
      expect(tokens(articleText).some((word) => CONTENT.includes(word))).toBe(true);
      if (tokens(body).length < config.minWords) return false;
      const content = tokens(body).filter((word) => CONTENT.includes(word));
      if (content.length < config.minWords) return false;
      const shareIn = (other: string | undefined) => (other ? content.filter((word) => tokens(other).includes(word)).length / content.length : 0);
      return Math.max(shareIn(articleText), shareIn(parentBody)) <= config.maxSimilarity;
    }
    fc.assert(
      fc.property(text, articleWithContent, fc.option(text, { nil: undefined }), (body, articleText, parentBody) => {
        const expected = handCountedFlags(body, articleText, parentBody);
        expect(evaluateComment(set, { body, articleText, parentBody }).length).toBe(expected ? 1 : 0);
      }),
      { numRuns: 400 },
    );
  });

  it("OFF_TOPIC on worked examples: shares counted by hand, stems included", () => {
    const set = compileRules([testRule("OFF_TOPIC", { minWords: 5, maxSimilarity: 0.2 }, { category: "OFF_TOPIC" })]);
    const articleText = "Cables were tapped by the agency";
    // 6 content words; "cable" and "tapping" share stems with the article's "Cables" and "tapped": 2/6 = 33% > 20%.
    expect(evaluateComment(set, { body: "cable tapping cricket selectors budget inflation", articleText })).toEqual([]);
    // Only "cable" of 6: 17% <= 20%.
    const [flag] = evaluateComment(set, { body: "cable batsman cricket selectors budget inflation", articleText });
    expect(flag?.reason).toBe("Only 17% of its 6 content words appear in the article.");
    // Nothing in common with the article, but half of it with the parent.
    expect(evaluateComment(set, { body: "cricket selectors budget inflation batsman wickets", articleText, parentBody: "the selectors and the budget and inflation" })).toEqual([]);
  });

  it("REPETITION finds every repeat a hand-written search over the words finds", () => {
    /** The search by hand over whitespace-separated words (lowercase, no punctuation: the normalizer leaves them as they are). */
    function longestRepeat(words: string[]): { words: number; repeats: number; firstWord: number } {
      let best = { words: 1, repeats: 1, firstWord: 0 };
      for (let n = 1; n <= 4; n++) {
        let equalRun = 0;
        for (let i = 0; i + n < words.length; i++) {
          equalRun = words[i] === words[i + n] ? equalRun + 1 : 0;
          const repeats = Math.floor(equalRun / n) + 1;
          if (repeats > best.repeats) best = { words: n, repeats, firstWord: i - equalRun + 1 };
        }
      }
      return best;
    }
    // No single letters: the normalizer joins runs of them ("x x x" reads as one word), which a split cannot know.
    const body = fc.array(fc.constantFrom("buy", "now", "buy now", "spam", "deal", "the"), { maxLength: 40 }).map((list) => list.join(" "));
    fc.assert(
      fc.property(body, fc.integer({ min: 2, max: 6 }), (text, minRepeats) => {
        const set = compileRules([testRule("REPETITION", { minRepeats, minCharRun: 50 }, { category: "SPAM" })]);
        const [flag] = evaluateComment(set, { body: text });
        const words = text.split(" ").filter((word) => word !== "");
        const expected = longestRepeat(words);
        if (expected.repeats < minRepeats) {
          expect(flag).toBeUndefined();
        } else {
          expect(flag?.reason).toBe(`The same ${expected.words === 1 ? "word" : `${expected.words}-word phrase`} is repeated ${expected.repeats} times in a row.`);
          // Offsets by hand: words are separated by exactly one space.
          const offsets = words.reduce<number[]>((list, _word, index) => [...list, index === 0 ? 0 : list[index - 1]! + words[index - 1]!.length + 1], []);
          const lastWord = expected.firstWord + expected.words * expected.repeats - 1;
          expect(flag?.spans).toEqual([[offsets[expected.firstWord], offsets[lastWord]! + words[lastWord]!.length]]);
        }
      }),
      { numRuns: 400 },
    );
  });
});
