import { describe, expect, it } from "vitest";
import { nulTextPath, unstorableText } from "./nul-text";

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

describe("unstorableText", () => {
  it("names a NUL first, then half a surrogate pair, and lets whole pairs through", () => {
    expect(unstorableText({ note: "a\u0000b", other: "\ud800" })).toEqual({ path: "note", message: "note holds a NUL character (U+0000), which cannot be stored: remove it." });
    expect(unstorableText({ config: { terms: ["ok", "half \ud800"] } })).toMatchObject({ path: "config.terms.1", message: expect.stringMatching(/^config\.terms\.1 holds half of a UTF-16 surrogate pair/) });
    expect(unstorableText({ note: "emoji 😀 whole" })).toBeNull();
  });
});
