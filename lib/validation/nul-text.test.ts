import { describe, expect, it } from "vitest";
import { nulTextPath } from "./nul-text";

describe("nulTextPath", () => {
  it("names the first string that holds a NUL, however deep", () => {
    expect(nulTextPath({ note: "a\u0000b" })).toBe("note");
    expect(nulTextPath({ items: [{ reason: "SPAM" }, { reason: "x\u0000" }] })).toBe("items.1.reason");
    expect(nulTextPath("\u0000")).toBe("(input)");
    expect(nulTextPath({ ["k\u0000"]: 1 })).toBe("k\u0000");
  });

  it("is null for text without one, numbers and empty input", () => {
    expect(nulTextPath({ note: "fine", count: 3, nested: { list: ["a", "b"] } })).toBeNull();
    expect(nulTextPath(null)).toBeNull();
    expect(nulTextPath(undefined)).toBeNull();
  });

  it("reads form fields", () => {
    const form = new FormData();
    form.set("name", "rule\u0000");
    expect(nulTextPath(form)).toBe("name");
  });
});
