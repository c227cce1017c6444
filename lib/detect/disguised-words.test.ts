import { describe, expect, it } from "vitest";
import { normalizeForMatching } from "./normalize";

const norm = (text: string) => normalizeForMatching(text).text;

describe("disguised words: '*' for hidden letters", () => {
  it("restores a listed word whose hidden letters are starred, whatever the case or trailing punctuation", () => {
    expect(norm("you m*therf**ker")).toBe("you motherfucker");
    expect(norm("B*TCH!")).toBe("bitch");
    expect(norm("you b*st*rd")).toBe("you bastard");
    expect(norm("ch*tiya log")).toBe("chutiya log");
    expect(norm("id*0t")).toBe("idiot");
    expect(norm("ch*t!y@ log")).toBe("chutiya log");
  });
  it("keeps the original offsets of every letter, the restored ones on their star", () => {
    const text = "a sl*t show";
    const normalized = normalizeForMatching(text);
    expect(normalized.text).toBe("a slut show");
    const at = normalized.text.indexOf("slut");
    expect(text.slice(normalized.origin[at]!, normalized.originEnd[at + 3]!)).toBe("sl*t");
    expect(text.slice(normalized.origin[at + 2]!, normalized.originEnd[at + 2]!)).toBe("*");
  });
  it("leaves alone stars that hide too much, open the word, or fit no listed word", () => {
    expect(norm("f***")).toBe("f");
    // Starred expletives soften an exclamation more often than they abuse (disguised-words.ts).
    expect(norm("what the f*ck, sh*t happens")).toBe("what the f ck sh t happens");
    expect(norm("*really* good")).toBe("really good");
    expect(norm("5*3=15")).toBe("5 3 15");
    expect(norm("gr*at match")).toBe("gr at match");
    expect(norm("*uck")).toBe("uck");
  });
});

describe("disguised words: spaced out beside a one-letter word", () => {
  it("keeps the one-letter word apart when the rest spells a listed word", () => {
    expect(norm("you are a r e t a r d")).toBe("you are a retard");
    expect(norm("shut up u i d i o t")).toBe("shut up u idiot");
  });
  it("still joins spaced letters into one word otherwise, a listed word's inflection too", () => {
    expect(norm("so b i t c h y")).toBe("so bitchy");
    expect(norm("i n d i a")).toBe("india");
    expect(norm("a s s")).toBe("ass");
    expect(norm("I h a t e")).toBe("ihate");
  });
});

describe("disguised words: leet symbols at a word's edge", () => {
  it("reads them as letters when the word then spells a listed word", () => {
    expect(norm("you !d!0t")).toBe("you idiot");
    expect(norm("r@nd! hai")).toBe("randi hai");
  });
  it("keeps them as punctuation otherwise", () => {
    expect(norm("you b@st@rd!")).toBe("you bastard");
    expect(norm("@idiot wow!!")).toBe("idiot wow");
  });
});
