import { describe, expect, it } from "vitest";
import { bucketOf, bucketsOf, emptyDaySummary, mergeDaySummaries, percentileCont } from "./day-summary";

describe("day summaries", () => {
  it("interpolates percentiles as percentile_cont does", () => {
    expect(percentileCont([], 0.5)).toBeNull();
    expect(percentileCont([7], 0.9)).toBe(7);
    expect(percentileCont([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentileCont([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBeCloseTo(91);
  });

  it("buckets days by week from Monday, as date_trunc('week') does", () => {
    expect(bucketOf("2026-11-25", "week")).toBe("2026-11-23");
    expect(bucketOf("2026-11-23", "week")).toBe("2026-11-23");
    expect(bucketOf("2026-11-22", "week")).toBe("2026-11-16");
    expect(bucketOf("2026-11-22", "day")).toBe("2026-11-22");
    expect(bucketsOf("2026-11-18", "2026-12-01", "week")).toEqual(["2026-11-16", "2026-11-23", "2026-11-30"]);
    expect(bucketsOf("2026-11-29", "2026-12-01", "day")).toEqual(["2026-11-29", "2026-11-30", "2026-12-01"]);
  });

  it("sums days, keyed counts by key", () => {
    const one = { ...emptyDaySummary("2026-01-01"), queue: [3, 1, 1, 1, 1] as [number, number, number, number, number], categories: { SPAM: [2, 1] as [number, number] } };
    const two = { ...emptyDaySummary("2026-01-02"), queue: [1, 0, 0, 1, 0] as [number, number, number, number, number], categories: { SPAM: [1, 1] as [number, number], ABUSIVE: [1, 1] as [number, number] } };
    const merged = mergeDaySummaries("x", [one, two]);
    expect(merged.queue).toEqual([4, 1, 1, 2, 1]);
    expect(merged.categories).toEqual({ SPAM: [3, 2], ABUSIVE: [1, 1] });
    expect(one.categories).toEqual({ SPAM: [2, 1] });
  });
});
