import { describe, expect, it } from "vitest";
import { normalizeForMatching } from "./normalize";
import { TextNormalizer } from "./normalizer-core";

const norm = (text: string) => normalizeForMatching(text).text;

describe("disguised words: '*' for hidden letters", () => {
  it("is not undone: a starred word is a word break, as before (disguised-words.ts says why)", () => {
    expect(norm("you id*ot")).toBe("you id ot");
    expect(norm("ch*t!y@ log")).toBe("ch tiy log");
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
    // Words the default pack matches since December: romanized insults and group predicates.
    expect(norm("j@hi| hai")).toBe("jahil hai");
    expect(norm("they are $@vage$")).toBe("they are savages");
  });
  it("keeps them as punctuation otherwise", () => {
    expect(norm("you b@st@rd!")).toBe("you bastard");
    expect(norm("@idiot wow!!")).toBe("idiot wow");
    // Plain letters then symbols are a word and punctuation, as the fast path reads them.
    expect(norm("rand! fell")).toBe("rand fell");
  });
});

describe("disguised words on both normalizer paths", () => {
  it("reads the same with and without the plain-word fast path", () => {
    const fast = new TextNormalizer();
    const general = new TextNormalizer();
    general.plainWords = false;
    for (const text of ["rand! fell", "r@nd! hai", "you !d!0t!", "idiot!", "you are a r e t a r d", "go i n d i a"]) {
      fast.run(text);
      general.run(text);
      expect(general.textOf(), text).toBe(fast.textOf());
    }
  });
});
