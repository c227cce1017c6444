import { describe, expect, it } from "vitest";
import { RE2JS } from "re2js";
import { mulberry32 } from "@/lib/seeded-random";
import { CompactDfa } from "./compact-dfa";
import { SHARED_REGEX_CASES } from "./test-helpers";

// CompactDfa must answer exactly as RE2JS.test(): kind-regex skips a window on its word.

// Word boundaries, anchors at both ends and per line, case folding, classes beyond Latin-1 (ठ and
// ਠ share a low byte, as the class cache keys them),
// empty matches, repeats, and patterns whose DFA needs many states.
const PATTERNS: [string, boolean][] = [
  ...SHARED_REGEX_CASES,
  ["~ (?:the|a) \\w+ ~", false],
  ["x*", false],
  ["^$", false],
  ["\\Bot\\B", false],
  ["[^a-z ~]+", false],
  ["(?i)ID[i1]OT", false],
  ["\\p{Devanagari}+ \\p{L}", false],
  ["(?:\\w+ ){2,5}rats", false],
  ["[a-c][a-c][a-c][a-c][a-c][a-c][a-c][a-c]x", false],
  ["é|ठग|“", false],
];

const WORDS = ["the", "idiot", "idiots", "india", "pakistan", "indians", "are", "is", "all", "rats", "enemy", "go", "back", "to", "run",
  "kill", "them", "fool", "~", "rot", "ID1OT", "Idiot", "भारत", "ठग", "ਠਗ", "é", "“quoted”", "abcabcabx", "\u{1F621}", "x"];
const GLUE = [" ", " ", " ", ". ", "! ", "\n", ", ", ""];

function generatedText(random: () => number): string {
  const count = Math.floor(random() * 16);
  let text = random() < 0.3 ? "~ " : "";
  for (let w = 0; w < count; w++) text += WORDS[Math.floor(random() * WORDS.length)]! + GLUE[Math.floor(random() * GLUE.length)]!;
  return random() < 0.5 ? text.trimEnd() : text;
}

function codesOf(text: string): Uint16Array {
  return Uint16Array.from(text, (_, k) => text.charCodeAt(k));
}

describe("CompactDfa", () => {
  it("answers as RE2JS.test() on thousands of generated texts, whole or in parts", () => {
    const random = mulberry32(41);
    for (const [source, caseInsensitive] of PATTERNS) {
      const pattern = RE2JS.compile(source, caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
      const dfa = new CompactDfa(pattern);
      for (let k = 0; k < 500; k++) {
        const text = generatedText(random);
        const expected = pattern.test(text);
        expect(dfa.test(text), `${source} on ${JSON.stringify(text)}`).toBe(expected);
        // The same text as head + buffer range + tail, cut anywhere.
        const cutA = Math.floor(random() * (text.length + 1));
        const cutB = cutA + Math.floor(random() * (text.length - cutA + 1));
        const padded = codesOf(`#${text.slice(cutA, cutB)}#`);
        expect(dfa.testParts(text.slice(0, cutA), padded, 1, 1 + cutB - cutA, text.slice(cutB)), `${source} on ${JSON.stringify(text)} cut ${cutA}-${cutB}`).toBe(expected);
      }
    }
  });

  it("still answers after its table is full and starts over", () => {
    // Which of the last 13 letters were an 'a': the unanchored DFA needs up to 2^13 states.
    const source = "a[ab]{12}c";
    const pattern = RE2JS.compile(source);
    const dfa = new CompactDfa(pattern);
    const random = mulberry32(5);
    let matched = 0;
    for (let k = 0; k < 600; k++) {
      const text = Array.from({ length: 200 }, () => (random() < 0.01 ? "c" : random() < 0.5 ? "a" : "b")).join("");
      const expected = pattern.test(text);
      if (expected) matched++;
      expect(dfa.test(text), text).toBe(expected);
    }
    expect(matched).toBeGreaterThan(100);
  });
});
