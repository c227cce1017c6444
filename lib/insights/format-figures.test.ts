import { describe, expect, it } from "vitest";
import { formatDuration, formatShare } from "./format-figures";

describe("insight figures", () => {
  it("reads durations in the largest sensible unit", () => {
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(42)).toBe("42 s");
    expect(formatDuration(600)).toBe("10 min");
    expect(formatDuration(3.5 * 3600)).toBe("3.5 h");
    expect(formatDuration(3 * 86_400)).toBe("3 d");
  });
  it("reads shares as whole percents", () => {
    expect(formatShare(0.75)).toBe("75%");
    expect(formatShare(2 / 3)).toBe("67%");
    expect(formatShare(null)).toBe("—");
  });
});
