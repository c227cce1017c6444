import { describe, expect, it } from "vitest";
import { median, percentile } from "./timing";

describe("the benches' percentile and median", () => {
  it("take the sample at floor(p% of n) of the sorted samples, whatever their order", () => {
    const samples = [50, 10, 40, 20, 30, 100, 90, 80, 70, 60];
    expect(percentile(samples, 50)).toBe(60);
    expect(percentile(samples, 95)).toBe(100);
    expect(percentile([], 95)).toBe(0);
  });

  it("give the middle sample, or the mean of the two middle ones", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });
});
