import { describe, expect, it } from "vitest";
import { RefusalAuditBudget } from "./refusal-audit-budget";

describe("RefusalAuditBudget", () => {
  it("audits the first refusals of a window, counts the rest, and hands the count to the next audited one", () => {
    const budget = new RefusalAuditBudget(3, 60_000);
    const first = Array.from({ length: 10 }, () => budget.take(1_000));
    expect(first.map((slot) => slot.isAudited)).toEqual([true, true, true, false, false, false, false, false, false, false]);
    expect(budget.take(30_000)).toEqual({ isAudited: false, unauditedBefore: 0 });
    // A new window: the first refusal is audited and says how many went unaudited (7 + 1).
    expect(budget.take(61_000)).toEqual({ isAudited: true, unauditedBefore: 8 });
    expect(budget.take(61_001)).toEqual({ isAudited: true, unauditedBefore: 0 });
  });
});
