import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentileCont } from "./day-summary";
import { decodeFloat8s, kthOfSorted, percentileOfSorted } from "./sorted-values";

const sorted = (values: number[]) => Float64Array.from(values).sort();

describe("percentiles over sorted days", () => {
  it("decodes PostgreSQL's big-endian float8s", () => {
    const bytes = new Uint8Array(16);
    const view = new DataView(bytes.buffer);
    view.setFloat64(0, -1.5, false);
    view.setFloat64(8, 7200.125, false);
    expect([...decodeFloat8s(bytes)]).toEqual([-1.5, 7200.125]);
    expect(decodeFloat8s(null)).toHaveLength(0);
  });

  it("finds every rank of the union, duplicates and empty days included", () => {
    const days = [sorted([5, 1, 3, 3]), sorted([]), sorted([3, 2, 9]), sorted([3])];
    const all = [1, 2, 3, 3, 3, 3, 5, 9];
    all.forEach((value, rank) => expect(kthOfSorted(days, rank)).toBe(value));
    expect(() => kthOfSorted(days, all.length)).toThrow(RangeError);
  });

  it("equals percentile_cont of the merged values", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: -50, max: 500 }), { maxLength: 40 }), { maxLength: 8 }), fc.double({ min: 0, max: 1, noNaN: true }), (days, fraction) => {
        const merged = [...sorted(days.flat())];
        expect(percentileOfSorted(days.map(sorted), fraction)).toBe(percentileCont(merged, fraction));
      }),
    );
    expect(percentileOfSorted([sorted([])], 0.5)).toBeNull();
  });
});
