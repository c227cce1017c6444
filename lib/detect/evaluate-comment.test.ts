import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compileRules } from "./compile-rules";
import { articleStems, forEachContentStem, parentCommentStems } from "./content-stems";
import { evaluateComment } from "./evaluate-comment";
import { findLinks } from "./kind-links";
import { TextNormalizer } from "./normalizer-core";
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

  it("OFF_TOPIC stopping early gives the full count's verdict", () => {
    const config = { minWords: 5, maxSimilarity: 0.2 };
    const set = compileRules([testRule("OFF_TOPIC", config, { category: "OFF_TOPIC" })]);
    const words = ["cricket", "selectors", "budget", "inflation", "cables", "espionage", "the", "and", "tapping", "agencies", "batsman", "2015"];
    const text = fc.array(fc.constantFrom(...words), { minLength: 0, maxLength: 40 }).map((list) => list.join(" "));
    const normalizer = new TextNormalizer();
    /** The rule as written before the early stop: count everything, then decide. */
    function fullCountFlags(body: string, articleText: string, parentBody: string | undefined): boolean {
      // Without an article (minArticleWords defaults to 1 content word) there is nothing to judge by.
      if (!articleText) return false;
      normalizer.run(body);
      if (normalizer.wordCount < config.minWords) return false;
      const article = articleStems(articleText);
      if (article.size < 1) return false;
      let count = 0;
      let inArticle = 0;
      forEachContentStem(normalizer, (stem) => { count++; if (article.has(stem)) inArticle++; });
      if (count < config.minWords || inArticle / count > config.maxSimilarity) return false;
      let inParent = 0;
      if (parentBody) {
        const parent = parentCommentStems(parentBody);
        forEachContentStem(normalizer, (stem) => { if (parent.has(stem)) inParent++; });
      }
      return Math.max(inArticle, inParent) / count <= config.maxSimilarity;
    }
    fc.assert(
      fc.property(text, text, fc.option(text, { nil: undefined }), (body, articleText, parentBody) => {
        const expected = fullCountFlags(body, articleText, parentBody);
        expect(evaluateComment(set, { body, articleText, parentBody }).length).toBe(expected ? 1 : 0);
      }),
      { numRuns: 400 },
    );
  });

  it("REPETITION's shortcut finds every repeat the full search finds", () => {
    const normalizer = new TextNormalizer();
    /** The search as first written: every phrase length, every position. */
    function longestRepeat(body: string): { words: number; repeats: number; firstWord: number } {
      normalizer.run(body);
      let best = { words: 1, repeats: 1, firstWord: 0 };
      for (let n = 1; n <= 4; n++) {
        let equalRun = 0;
        for (let i = 0; i + n < normalizer.wordCount; i++) {
          equalRun = normalizer.wordHashes[i] === normalizer.wordHashes[i + n] ? equalRun + 1 : 0;
          const repeats = Math.floor(equalRun / n) + 1;
          if (repeats > best.repeats) best = { words: n, repeats, firstWord: i - equalRun + 1 };
        }
      }
      return best;
    }
    const body = fc.array(fc.constantFrom("buy", "now", "buy now", "spam", "x", "the"), { maxLength: 40 }).map((list) => list.join(" "));
    fc.assert(
      fc.property(body, fc.integer({ min: 2, max: 6 }), (text, minRepeats) => {
        const set = compileRules([testRule("REPETITION", { minRepeats, minCharRun: 50 }, { category: "SPAM" })]);
        const [flag] = evaluateComment(set, { body: text });
        const expected = longestRepeat(text);
        if (expected.repeats < minRepeats) {
          expect(flag).toBeUndefined();
        } else {
          expect(flag?.reason).toBe(`The same ${expected.words === 1 ? "word" : `${expected.words}-word phrase`} is repeated ${expected.repeats} times in a row.`);
          normalizer.run(text);
          const start = normalizer.wordStarts[expected.firstWord]!;
          const lastWord = expected.firstWord + expected.words * expected.repeats - 1;
          const end = lastWord + 1 < normalizer.wordCount ? normalizer.wordStarts[lastWord + 1]! - 1 : normalizer.length;
          expect(flag?.spans).toEqual([[normalizer.originStart[start], normalizer.originEnd[end - 1]]]);
        }
      }),
      { numRuns: 400 },
    );
  });
});
