import { describe, expect, it } from "vitest";
import { MatchBuffer, buildAutomaton, scanAutomaton } from "./aho-corasick";

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
});
