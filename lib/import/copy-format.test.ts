import { describe, expect, it } from "vitest";
import { copyField, copyRow } from "./copy-format";

describe("COPY text format", () => {
  it("escapes the characters that delimit fields and rows", () => {
    expect(copyField("a\tb\nc\rd\\e")).toBe("a\\tb\\nc\\rd\\\\e");
  });

  it("writes NULL as \\N and keeps an empty string empty", () => {
    expect(copyField(null)).toBe("\\N");
    expect(copyField(undefined)).toBe("\\N");
    expect(copyField("")).toBe("");
  });

  it("keeps a literal backslash-N distinct from NULL", () => {
    expect(copyField("\\N")).toBe("\\\\N");
  });

  it("writes dates as ISO UTC and joins a row with tabs", () => {
    expect(copyRow([1, "x", new Date("2015-07-23T18:43:00Z"), true])).toBe("1\tx\t2015-07-23T18:43:00.000Z\ttrue\n");
  });

  it("leaves unicode untouched", () => {
    expect(copyField("Why can’t we? • ‮")).toBe("Why can’t we? • ‮");
  });
});
