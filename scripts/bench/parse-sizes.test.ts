import { describe, expect, it } from "vitest";
import { parseSizes } from "./parse-sizes";

describe("parseSizes", () => {
  it("reads millions, thousands and plain numbers", () => {
    expect(parseSizes("1m,3m,10m")).toEqual([1_000_000, 3_000_000, 10_000_000]);
    expect(parseSizes("500k, 2.5M")).toEqual([500_000, 2_500_000]);
    expect(parseSizes("20000")).toEqual([20_000]);
  });

  it("refuses what is not a size, naming it", () => {
    expect(() => parseSizes("1m,ten")).toThrow(/'ten' is not a size/);
    expect(() => parseSizes("0")).toThrow(/not a positive number/);
  });

  it("refuses sizes that do not grow: the database only grows", () => {
    expect(() => parseSizes("3m,1m")).toThrow(/must grow/);
    expect(() => parseSizes("1m,1m")).toThrow(/must grow/);
  });
});
