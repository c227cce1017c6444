import { describe, expect, it } from "vitest";
import { ruleBenchHref, savedRuleHref } from "./rule-bench-href";

describe("rule bench links", () => {
  it("opens the rule with the flagged comment on its bench, and keeps it there after a save", () => {
    expect(ruleBenchHref(4, 1284)).toBe("/rules/4/edit?comment=1284");
    expect(savedRuleHref(4, 2, 1284)).toBe("/rules/4/edit?saved=2&comment=1284");
    expect(savedRuleHref(4, 2)).toBe("/rules/4/edit?saved=2");
  });
});
