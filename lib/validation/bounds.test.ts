import { describe, expect, it } from "vitest";
import { isIsoWithinYears, isRowId, rowIdFrom, rowIdSchema } from "./bounds";

describe("row ids", () => {
  it("take 1 to 2^31-1 and nothing else", () => {
    expect([1, 2_147_483_647].map(isRowId)).toEqual([true, true]);
    expect([0, -1, 2_147_483_648, 1.5, Number.NaN, 2 ** 53].map(isRowId)).toEqual([false, false, false, false, false, false]);
  });

  it.each([["42", 42], ["2147483647", 2_147_483_647], ["2147483648", null], ["99999999999999999999", null], ["-1", null], ["1e3", null], ["%", null], ["..", null], ["", null], [" 7", null]])(
    "reads the path segment %j as %j",
    (text, expected) => {
      expect(rowIdFrom(text)).toBe(expected);
    },
  );

  it("refuse a too large id in schemas", () => {
    expect(rowIdSchema.safeParse("2147483648").success).toBe(false);
    expect(rowIdSchema.safeParse("12").success).toBe(true);
  });
});

describe("dates", () => {
  it.each([["2026-11-25", true], ["2026-11-25T10:00:00Z", true], ["0000-01-01", false], ["0000-01-01T00:00:00Z", false], ["1899-12-31", false], ["9999-12-31", true]])("%j within the years: %j", (text, expected) => {
    expect(isIsoWithinYears(text)).toBe(expected);
  });
});
