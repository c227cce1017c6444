import { describe, expect, it } from "vitest";
import { diffObjects, displayRest, displayValue, viewDetails } from "./diff-details";

describe("diffObjects", () => {
  it("marks each field added, removed, changed or unchanged, comparing nested values by content", () => {
    const diff = diffObjects({ name: "spam", severity: 2, config: { terms: ["a", "b"], mode: "x" }, enabled: true }, { name: "spam", severity: 3, config: { mode: "x", terms: ["a", "b"] }, action: "HOLD" });
    expect(diff).toEqual([
      { field: "name", change: "unchanged", before: "spam", after: "spam" },
      { field: "severity", change: "changed", before: 2, after: 3 },
      { field: "config", change: "unchanged", before: { terms: ["a", "b"], mode: "x" }, after: { mode: "x", terms: ["a", "b"] } },
      { field: "enabled", change: "removed", before: true },
      { field: "action", change: "added", after: "HOLD" },
    ]);
  });
});

describe("viewDetails", () => {
  it("splits a before/after pair from the rest of the details", () => {
    const view = viewDetails({ ruleId: 4, before: { severity: 2 }, after: { severity: 3 } });
    expect(view.rest).toEqual({ ruleId: 4 });
    expect(view.diff).toEqual([{ field: "severity", change: "changed", before: 2, after: 3 }]);
  });

  it("treats a null side as a creation or a deletion", () => {
    expect(viewDetails({ before: null, after: { name: "new" } }).diff).toEqual([{ field: "name", change: "added", after: "new" }]);
    expect(viewDetails({ before: { name: "old" }, after: null }).diff).toEqual([{ field: "name", change: "removed", before: "old" }]);
  });

  it("shows no diff when the details have no object pair", () => {
    expect(viewDetails({ ipAddress: "127.0.0.1" })).toEqual({ diff: null, rest: { ipAddress: "127.0.0.1" } });
    expect(viewDetails({ before: "text", after: "other" })).toEqual({ diff: null, rest: { before: "text", after: "other" } });
    expect(viewDetails({ before: null, after: null }).diff).toBeNull();
    expect(viewDetails(null)).toEqual({ diff: null, rest: {} });
    expect(viewDetails([1, 2])).toEqual({ diff: null, rest: { value: [1, 2] } });
  });
});

describe("displayValue", () => {
  it("shows text as it is and other values as one-line JSON", () => {
    expect(displayValue("<b>x</b>")).toBe("<b>x</b>");
    expect(displayValue({ a: [1, 2] })).toBe('{ "a": [ 1, 2 ] }');
    expect(displayValue(null)).toBe("null");
    expect(displayValue(undefined)).toBe("");
  });
});

describe("addresses in events logged before the log redacted them", () => {
  it("are shown without the credentials written into them, in a cell and in the rest", () => {
    expect(displayValue({ url: "https://scorer.example.org/score?api_key=k3y", thresholds: { ABUSIVE: 0.9 } })).toBe('{ "url": "https://scorer.example.org/score?api_key=***", "thresholds": { "ABUSIVE": 0.9 } }');
    expect(displayValue("https://receiver.example.org/in?token=t0k")).toBe("https://receiver.example.org/in?token=***");
    expect(displayRest({ url: "https://receiver.example.org/in?token=t0k", events: ["comment.decided"] })).not.toContain("t0k");
  });
});
