import { describe, expect, it } from "vitest";
import { compileRuleSet } from "./compile-rule-set";
import { evaluateComment } from "./evaluate-comment";
import { testRule } from "./test-helpers";

// kind-regex asks RE2's DFA whether another match follows before each find() after the first:
// every match must still be found, after empty matches and across surrogate pairs too.
const spansOf = (config: object, body: string) =>
  evaluateComment(compileRuleSet([testRule("REGEX", config)], () => null), { body })[0]?.spans ?? [];

describe("REGEX rules find every match of a window", () => {
  it("several matches in one text, on the normalized and the original text", () => {
    expect(spansOf({ pattern: "\\bidiot\\b" }, "idiot and 1d10t, then IDIOT.")).toEqual([[0, 5], [10, 15], [22, 27]]);
    expect(spansOf({ pattern: "idiot", target: "original" }, "idiot and idiot and idiot")).toEqual([[0, 5], [10, 15], [20, 25]]);
    // Back to back: the next search starts right where a match ended (touching spans merge).
    expect(spansOf({ pattern: "ab", target: "original" }, "abababz")).toEqual([[0, 6]]);
  });

  it("empty matches step over one code point, a surrogate pair as one", () => {
    // 'x*' matches empty between the other characters; only the runs of x become spans.
    expect(spansOf({ pattern: "x*", target: "original" }, "\u{1F621}xx\u{1F621}x\u{1F621}")).toEqual([[2, 4], [6, 7]]);
    expect(spansOf({ pattern: "(?:ab)?", target: "original" }, "zabzzab")).toEqual([[1, 3], [5, 7]]);
    expect(spansOf({ pattern: "(?:ab)?", target: "original" }, "zab")).toEqual([[1, 3]]);
  });

  it("matches that a gate window cuts short are found in each window", () => {
    const gated = { pattern: "(?:stupid|dirty) (?:enemy|fool)", requires: ["stupid", "dirty"] };
    const filler = " the budget was read out".repeat(6);
    const body = `stupid fool${filler}. Dirty enemy${filler}. stupid enemy`;
    expect(spansOf(gated, body).map(([start, end]) => body.slice(start, end))).toEqual(["stupid fool", "Dirty enemy", "stupid enemy"]);
  });
});
