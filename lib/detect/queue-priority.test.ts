import { describe, expect, it } from "vitest";
import { priorityFromFlags } from "./queue-priority";
import { statusFromFlags } from "./status-from-flags";
import type { FlagResult } from "./types";

function flag(overrides: Partial<FlagResult>): FlagResult {
  return {
    ruleId: "r", ruleVersion: 1, ruleName: "r", category: "ABUSIVE", action: "FLAG",
    severity: 3, score: 1, spans: [], reason: "", ...overrides,
  };
}

describe("priorityFromFlags", () => {
  it("is 0 without flags and an integer growing with severity and score", () => {
    expect(priorityFromFlags([])).toBe(0);
    const low = priorityFromFlags([flag({ severity: 1, score: 0.5 })]);
    const high = priorityFromFlags([flag({ severity: 5, score: 1 })]);
    expect(Number.isInteger(low)).toBe(true);
    expect(high).toBeGreaterThan(low);
    expect(priorityFromFlags([flag({ severity: 3, score: 1 })])).toBeGreaterThan(priorityFromFlags([flag({ severity: 3, score: 0.2 })]));
  });
  it("ranks several categories and held comments higher", () => {
    const one = priorityFromFlags([flag({})]);
    expect(priorityFromFlags([flag({}), flag({ category: "NATIONALIST" })])).toBeGreaterThan(one);
    expect(priorityFromFlags([flag({ action: "HOLD" })])).toBeGreaterThan(one);
  });
});

describe("statusFromFlags", () => {
  it("picks the strongest action", () => {
    expect(statusFromFlags([])).toBeNull();
    expect(statusFromFlags([flag({ action: "FLAG" })])).toBe("FLAG");
    expect(statusFromFlags([flag({ action: "FLAG" }), flag({ action: "HOLD" })])).toBe("HOLD");
    expect(statusFromFlags([flag({ action: "AUTO_HIDE" }), flag({ action: "HOLD" })])).toBe("AUTO_HIDE");
  });
});
