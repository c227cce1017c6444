import { describe, expect, it } from "vitest";
import { median, percentile, tailLabel } from "./timing";

describe("the benches' percentile and median", () => {
  it("take the sample at floor(p% of n) of the sorted samples, whatever their order", () => {
    const samples = [50, 10, 40, 20, 30, 100, 90, 80, 70, 60];
    expect(percentile(samples, 50)).toBe(60);
    expect(percentile(samples, 95)).toBe(100);
    expect(percentile([], 95)).toBe(0);
  });

  it("call a p95 the max when it is the slowest sample (20 samples or fewer)", () => {
    expect(tailLabel(5)).toBe("max of 5");
    expect(tailLabel(20)).toBe("max of 20");
    expect(percentile(Array.from({ length: 20 }, (_, i) => i), 95)).toBe(19);
    expect(tailLabel(21)).toBe("p95");
    expect(percentile(Array.from({ length: 21 }, (_, i) => i), 95)).toBe(19);
  });

  it("give the middle sample, or the mean of the two middle ones", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });
});
