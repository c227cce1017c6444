import { describe, expect, it } from "vitest";
import { applyFlagDeltas, type FlagFigures, type LiveFlagRow } from "./live-flag-deltas";

// Comment 7 has two flags of rule 1 (ABUSIVE) and one of rule 2 (SPAM), pending; comment 8 one of rule 1.
const pending = (commentId: number, ruleId: number, category: string): LiveFlagRow => ({ commentId, ruleId, category, status: "PENDING", byPerson: false });
const folded: FlagFigures = {
  rules: { "1": [2, 0, 0, 0, 2], "2": [1, 0, 0, 0, 1] },
  categories: { ABUSIVE: [3, 2], SPAM: [1, 1] },
};

describe("applyFlagDeltas", () => {
  it("returns the folded figures when nothing changed", () => {
    expect(applyFlagDeltas(folded, [], [])).toBe(folded);
  });

  it("moves a decided comment's rules from pending to hidden, once per rule however many flags it has", () => {
    const hidden = (ruleId: number, category: string): LiveFlagRow => ({ commentId: 7, ruleId, category, status: "HIDDEN", byPerson: true });
    const now = [hidden(1, "ABUSIVE"), hidden(1, "ABUSIVE"), hidden(2, "SPAM"), pending(8, 1, "ABUSIVE")];
    const deltas = [
      { ...pending(7, 1, "ABUSIVE"), count: -2 },
      { ...pending(7, 2, "SPAM"), count: -1 },
      { ...hidden(1, "ABUSIVE"), count: 2 },
      { ...hidden(2, "SPAM"), count: 1 },
    ];
    expect(applyFlagDeltas(folded, now, deltas)).toEqual({
      rules: { "1": [2, 1, 0, 0, 1], "2": [1, 1, 0, 0, 0] },
      categories: { ABUSIVE: [3, 2], SPAM: [1, 1] },
    });
  });

  it("counts a withdrawn second flag of a rule as one flag less and the same comments", () => {
    const now = [pending(7, 1, "ABUSIVE"), pending(7, 2, "SPAM")];
    const result = applyFlagDeltas(folded, now, [{ ...pending(7, 1, "ABUSIVE"), count: -1 }]);
    expect(result).toEqual({ rules: folded.rules, categories: { ABUSIVE: [2, 2], SPAM: [1, 1] } });
  });

  it("adds a newly flagged comment and drops what falls to zero", () => {
    const now = [pending(9, 3, "OFF_TOPIC")];
    const deltas = [
      { ...pending(9, 3, "OFF_TOPIC"), count: 1 },
      { ...pending(7, 2, "SPAM"), count: -1 },
    ];
    const withSeven = [...now, pending(7, 1, "ABUSIVE"), pending(7, 1, "ABUSIVE")];
    expect(applyFlagDeltas(folded, withSeven, deltas)).toEqual({
      rules: { "1": [2, 0, 0, 0, 2], "3": [1, 0, 0, 0, 1] },
      categories: { ABUSIVE: [3, 2], OFF_TOPIC: [1, 1] },
    });
  });

  it("refuses changes that do not fit: a flag added that the comment does not have, figures below zero", () => {
    expect(() => applyFlagDeltas(folded, [], [{ ...pending(8, 1, "ABUSIVE"), count: 1 }])).toThrow(/does not have/);
    expect(() => applyFlagDeltas({ rules: {}, categories: {} }, [], [{ ...pending(8, 1, "ABUSIVE"), count: -1 }])).toThrow(/below zero/);
  });
});
