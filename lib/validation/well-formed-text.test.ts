import { describe, expect, it } from "vitest";
import { quoteValue } from "@/lib/import/events";
import { storableText, wellFormedJson, wellFormedText } from "./well-formed-text";

describe("wellFormedText", () => {
  it("replaces unpaired surrogates with U+FFFD and keeps pairs", () => {
    expect(wellFormedText("a\ud800b")).toBe("a\ufffdb");
    expect(wellFormedText("\udfffend")).toBe("\ufffdend");
    expect(wellFormedText("emoji 😀 stays")).toBe("emoji 😀 stays");
    expect(wellFormedText("😀".slice(0, 1))).toBe("\ufffd");
  });
});

describe("wellFormedJson", () => {
  it("writes no surrogate escape that jsonb would refuse, at any depth", () => {
    const json = wellFormedJson({ note: "x\ud800", nested: [{ message: "cut \udc00" }], count: 3, ok: "😀" });
    expect(json).not.toMatch(/\\ud[89a-f]/i);
    expect(JSON.parse(json)).toEqual({ note: "x\ufffd", nested: [{ message: "cut \ufffd" }], count: 3, ok: "😀" });
  });
});

describe("quoteValue", () => {
  it("never cuts an emoji in half", () => {
    const quoted = quoteValue(`${"x".repeat(39)}😀tail`, 40);
    expect(quoted).toBe(`'${"x".repeat(39)}…'`);
    expect(wellFormedText(quoted)).toBe(quoted);
  });
});

describe("storableText", () => {
  it("leaves NULs out and mends half pairs, for answers from other systems", () => {
    expect(storableText("ok\u0000\u001f\u008b\u0000")).toBe("ok\u001f\u008b");
    expect(storableText("cut \ud83d")).toBe("cut \ufffd");
    expect(storableText("plain")).toBe("plain");
  });
});
