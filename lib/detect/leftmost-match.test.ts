import { describe, expect, it } from "vitest";
import { RE2JS } from "re2js";
import { mulberry32 } from "@/lib/seeded-random";
import { LeftmostMatches } from "./leftmost-match";
import type { Span } from "./types";
import { SHARED_REGEX_CASES } from "./test-helpers";

// LeftmostMatches must report what RE2's own Matcher.find() reports, match for match: kind-regex
// turns each into a flag's span, and the equivalence script holds the engine to identical flags.

/** Every match find() reports, resuming after each one as Matcher does (one code point past an empty match). */
function byFind(pattern: RE2JS, text: string): Span[] {
  const matcher = pattern.matcher(text);
  const found: Span[] = [];
  while (found.length < 200 && matcher.find()) found.push([matcher.start(), matcher.end()]);
  return found;
}

function byLeftmost(matches: LeftmostMatches, text: string): Span[] {
  const found: Span[] = [];
  let from = 0;
  while (found.length < 200) {
    const match = matches.next(text, from);
    if (match === null) break;
    found.push(match);
    from = match[0] !== match[1] ? match[1] : match[1] + ((text.codePointAt(match[1]) ?? 0) > 0xffff ? 2 : 1);
  }
  return found;
}

// Word boundaries, anchors at both ends and per line, alternatives that prefer the shorter or the
// longer branch, lazy and greedy repeats, empty matches, case folding, classes, inline flags.
const PATTERNS: [string, boolean][] = [
  ...SHARED_REGEX_CASES,
  ["a|ab|abc", false],
  ["abc|ab|a", false],
  ["a+?b*", false],
  ["x*", false],
  ["(?:ab)?", false],
  ["\\Bot\\B", false],
  ["[^a-z ]+", false],
  ["(?i)ID[i1]OT", false],
  ["(?:\\w+ ){0,3}rats", false],
  ["~ (?:the|a) \\w+", false],
  ["\\Qa.b\\E|c", false],
  ["(?s:.)", false],
  ["\\p{L}+ \\p{L}+", false],
];

const WORDS = ["the", "idiot", "idiots", "india", "pakistan", "indians", "are", "is", "all", "rats", "enemy", "go", "back", "to",
  "run", "kill", "them", "fool", "a", "ab", "abc", "aab", "xx", "~", "a.b", "rot", "ID1OT", "Idiot", "भारत", "ठग", "\u{1F621}", "x\u{1F621}x"];
const GLUE = [" ", " ", " ", ". ", "! ", "\n", ", ", "", "?"];

function generatedText(random: () => number): string {
  const count = 1 + Math.floor(random() * 14);
  let text = random() < 0.3 ? "~ " : "";
  for (let w = 0; w < count; w++) text += WORDS[Math.floor(random() * WORDS.length)]! + GLUE[Math.floor(random() * GLUE.length)]!;
  return random() < 0.5 ? text.trimEnd() : text;
}

describe("LeftmostMatches", () => {
  it("reports the matches Matcher.find() reports, on thousands of generated texts", () => {
    const random = mulberry32(23);
    for (const [source, caseInsensitive] of PATTERNS) {
      const pattern = RE2JS.compile(source, caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
      const matches = new LeftmostMatches(pattern, source, caseInsensitive);
      let probed = 0;
      for (let k = 0; k < 400; k++) {
        const text = generatedText(random);
        const fallbacksBefore = matches.fallbacks;
        expect(byLeftmost(matches, text), `${source} on ${JSON.stringify(text)}`).toEqual(byFind(pattern, text));
        // Without surrogates (or \Q), the probes answer: find() is not asked, so it cannot hide a wrong probe.
        if (/[\uD800-\uDFFF]/.test(text) || source.includes("\\Q")) continue;
        expect(matches.fallbacks - fallbacksBefore, `${source} on ${JSON.stringify(text)}`).toBe(0);
        probed++;
      }
      expect(probed, source).toBeGreaterThan(source.includes("\\Q") ? -1 : 100);
    }
  });

  it("finds a match past the first block of probed positions and at the very end", () => {
    const pattern = RE2JS.compile("\\brats\\b|$");
    const matches = new LeftmostMatches(pattern, "\\brats\\b|$", false);
    const text = `${"the budget ".repeat(9)}rats and ${"more words ".repeat(4)}rats`;
    expect(byLeftmost(matches, text)).toEqual(byFind(pattern, text));
    expect(byLeftmost(matches, text).map(([start, end]) => text.slice(start, end))).toEqual(["rats", "rats", ""]);
  });

  it("returns null when nothing matches from the position on", () => {
    const pattern = RE2JS.compile("fool");
    const matches = new LeftmostMatches(pattern, "fool", false);
    expect(matches.next("you fool, you", 5)).toBeNull();
    expect(matches.next("fool", 5)).toBeNull();
    expect(matches.next("you fool", 0)).toEqual([4, 8]);
  });
});
