import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildAutomaton } from "./aho-corasick";
import { MatchBuffer, scanAutomaton } from "./aho-corasick-scan";

function scan(patterns: string[], text: string, squeeze = false): string[] {
  const automaton = buildAutomaton(patterns);
  const buffer = new MatchBuffer();
  const codes = Array.from(text, (ch) => ch.charCodeAt(0));
  scanAutomaton(automaton, codes, codes.length, squeeze, buffer);
  const found: string[] = [];
  for (let m = 0; m < buffer.count; m++) {
    const start = Math.max(0, buffer.start[m]!);
    found.push(`${patterns[buffer.pattern[m]!]}@${start}`);
  }
  return found.sort();
}

describe("Aho-Corasick automaton", () => {
  it("finds overlapping and nested patterns in one pass", () => {
    expect(scan(["he", "she", "his", "hers"], "ushers")).toEqual(["he@2", "hers@2", "she@1"]);
  });
  it("only matches whole words when patterns are framed by spaces", () => {
    expect(scan([" ass "], "first class ass")).toEqual([" ass @11"]);
    expect(scan([" ass "], "ass")).toEqual([" ass @0"]);
  });
  it("reads doubled characters once when squeezing", () => {
    expect(scan([" stupid "], "so stuupid", true)).toEqual([" stupid @2"]);
    expect(scan([" stupid "], "so stuupid", false)).toEqual([]);
  });
  it("rejects duplicate and oversized patterns", () => {
    expect(() => buildAutomaton(["a", "a"])).toThrow(/duplicates/);
    expect(() => buildAutomaton(["x".repeat(300)])).toThrow(/1 to 255/);
  });
  it("handles characters no pattern uses", () => {
    expect(scan(["ab"], "\u0915ab\uFFFF")).toEqual(["ab@1"]);
  });
  it("reports every occurrence, with exact offsets and in end order, like a naive search", () => {
    // Covers the dense table (row offsets, output bit, breadth-first state numbering).
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", " "), minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 12 }), fc.string({ unit: fc.constantFrom("a", "b", "c", " ", "d"), maxLength: 40 }), (patterns, text) => {
        const automaton = buildAutomaton(patterns);
        const buffer = new MatchBuffer();
        const codes = Array.from(text, (ch) => ch.charCodeAt(0));
        scanAutomaton(automaton, codes, codes.length, false, buffer);
        const found: string[] = [];
        for (let m = 0; m < buffer.count; m++) found.push(`${buffer.end[m]}:${buffer.start[m]}:${patterns[buffer.pattern[m]!]}`);
        // The scan frames the text with a virtual space on each side (indexes -1 and length).
        const framed = ` ${text} `;
        const expected: [number, number, string][] = [];
        patterns.forEach((pattern) => {
          for (let at = framed.indexOf(pattern); at !== -1; at = framed.indexOf(pattern, at + 1)) {
            expected.push([at + pattern.length - 1, at - 1, pattern]);
          }
        });
        expected.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
        expect(found).toEqual(expected.map(([end, start, pattern]) => `${end}:${start}:${pattern}`));
      }),
      { numRuns: 300 },
    );
  });
  it("skips words that cannot start a match without changing what is found (' word' patterns)", () => {
    const letters = fc.constantFrom("a", "b", "c", "d");
    const pattern = fc.string({ unit: letters, minLength: 1, maxLength: 5 }).chain((word) =>
      fc.constantFrom(` ${word}`, ` ${word} `, ` ${word} ${word.slice(0, 2)}`));
    const text = fc.string({ unit: fc.constantFrom("a", "b", "c", "d", "e", " "), maxLength: 60 });
    fc.assert(
      fc.property(fc.uniqueArray(pattern, { minLength: 1, maxLength: 10 }), text, fc.boolean(), (patterns, body, squeeze) => {
        const automaton = buildAutomaton(patterns);
        expect(automaton.rootLeavesOnSpaceOnly).toBe(true);
        const plain = { ...automaton, rootLeavesOnSpaceOnly: false, skipWord: new Uint8Array(0) };
        const codes = Array.from(body, (ch) => ch.charCodeAt(0));
        const results = [automaton, plain].map((which) => {
          const buffer = new MatchBuffer();
          scanAutomaton(which, codes, codes.length, squeeze, buffer);
          return Array.from({ length: buffer.count }, (_, m) => [buffer.pattern[m], buffer.start[m], buffer.end[m]]);
        });
        expect(results[0]).toEqual(results[1]);
      }),
      { numRuns: 500 },
    );
  });
  it("jumps over skipped words by their known starts with the same results as looking for spaces", () => {
    const letters = fc.constantFrom("a", "b", "c", "d");
    const pattern = fc.string({ unit: letters, minLength: 1, maxLength: 5 }).chain((word) =>
      fc.constantFrom(` ${word}`, ` ${word} `, ` ${word} ${word.slice(0, 2)}`));
    // Words joined by single spaces, as the normalizer writes them.
    const text = fc.array(fc.string({ unit: fc.constantFrom("a", "b", "c", "d", "e"), minLength: 1, maxLength: 9 }), { maxLength: 12 });
    fc.assert(
      fc.property(fc.uniqueArray(pattern, { minLength: 1, maxLength: 10 }), text, fc.boolean(), (patterns, words, squeeze) => {
        const automaton = buildAutomaton(patterns);
        const body = words.join(" ");
        const codes = Array.from(body, (ch) => ch.charCodeAt(0));
        const starts = new Int32Array(words.length + 3).fill(-7);
        let at = 0;
        words.forEach((word, k) => { starts[k] = at; at += word.length + 1; });
        const results = [null, { starts, count: words.length }].map((known) => {
          const buffer = new MatchBuffer();
          scanAutomaton(automaton, codes, codes.length, squeeze, buffer, known);
          return Array.from({ length: buffer.count }, (_, m) => [buffer.pattern[m], buffer.start[m], buffer.end[m]]);
        });
        expect(results[1]).toEqual(results[0]);
      }),
      { numRuns: 500 },
    );
  });
});
