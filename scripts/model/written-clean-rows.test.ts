import { describe, expect, it } from "vitest";
import { writtenCleanRows } from "./written-clean-rows";

describe("the written clean rows", () => {
  const rows = writtenCleanRows();

  it("fills every slot and trains both heads as clean", () => {
    expect(rows.length).toBeGreaterThan(1000);
    for (const row of rows) {
      expect(row.text).not.toMatch(/\{[gpa]\}/);
      expect(row.targets).toEqual([0, 0]);
      expect(row.source).toBe("written");
    }
  });

  it("holds no sentence twice", () => {
    expect(new Set(rows.map((row) => row.text)).size).toBe(rows.length);
  });
});
