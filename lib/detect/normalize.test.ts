import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { normalizeForMatching, toOriginalSpan } from "./normalize";

const norm = (text: string) => normalizeForMatching(text).text;

/** The original substring behind the first occurrence of `word` in the normalized text. */
function originalOf(text: string, word: string): string {
  const normalized = normalizeForMatching(text);
  const at = normalized.text.indexOf(word);
  expect(at).toBeGreaterThanOrEqual(0);
  const [start, end] = toOriginalSpan(normalized, [at, at + word.length]);
  return text.slice(start, end);
}

describe("normalizeForMatching steps", () => {
  it("drops zero-width characters without splitting the word", () => {
    expect(norm("id\u200Biot")).toBe("idiot");
    expect(norm("id\uFEFFi\u2060ot")).toBe("idiot");
    expect(norm("idi\u00ADot")).toBe("idiot");
  });
  it("drops bidi overrides and isolates", () => {
    expect(norm("\u202Eidiot\u202C")).toBe("idiot");
    expect(norm("\u2066id\u200Fiot\u2069")).toBe("idiot");
  });
  it("folds Cyrillic and Greek homoglyphs to Latin", () => {
    expect(norm("іdiot")).toBe("idiot"); // Cyrillic і
    expect(norm("іdіоt")).toBe("idiot");
    expect(norm("ѕtupіd")).toBe("stupid");
    expect(norm("ραkι")).toBe("paki"); // Greek rho, alpha, iota
  });
  it("reads leetspeak only inside words with letters", () => {
    expect(norm("st00pid")).toBe("stoopid");
    expect(norm("1d10t")).toBe("idiot");
    expect(norm("a$$hole b!tch m@darchod")).toBe("asshole bitch madarchod");
    expect(norm("in 2015, 10-20% and 5%")).toBe("in 2015 10 20 and 5");
    expect(norm("idiot! @Usman $100")).toBe("idiot usman 100");
  });
  it("joins 3+ single letters one separator apart", () => {
    expect(norm("i n d i a")).toBe("india");
    expect(norm("i.n.d.i.a")).toBe("india");
    expect(norm("i-n-d-i-a")).toBe("india");
    expect(norm("U.S.A. wins")).toBe("usa wins");
    expect(norm("I am a man")).toBe("i am a man");
    expect(norm("e.g. x")).toBe("e g x");
  });
  it("collapses runs of 3+ identical letters but keeps doubles and digits", () => {
    expect(norm("stuuupid")).toBe("stupid");
    expect(norm("idiooooot")).toBe("idiot");
    expect(norm("kutta 10000")).toBe("kutta 10000");
  });
  it("strips diacritics and applies NFKC (fullwidth, math alphanumerics, ligatures)", () => {
    expect(norm("ídíót")).toBe("idiot");
    expect(norm("i\u0301dio\u0308t")).toBe("idiot");
    expect(norm("ｉｄｉｏｔ")).toBe("idiot");
    expect(norm("𝐢𝐝𝐢𝐨𝐭")).toBe("idiot");
    expect(norm("Straße ﬁne")).toBe("strasse fine");
  });
  it("lowercases and turns punctuation into single spaces", () => {
    expect(norm("  Pakistan’s  “rival” — USA!!  ")).toBe("pakistan s rival usa");
  });
});

describe("offset mapping", () => {
  it("maps a normalized span back to exactly the evasive original substring", () => {
    expect(originalOf("you are an id\u200Biot!", "idiot")).toBe("id\u200Biot");
    expect(originalOf("so stuuupid", "stupid")).toBe("stuuupid");
    expect(originalOf("the i.n.d.i.a team", "india")).toBe("i.n.d.i.a");
    expect(originalOf("a 1d10t here", "idiot")).toBe("1d10t");
    expect(originalOf("hey ｉｄｉｏｔ", "idiot")).toBe("ｉｄｉｏｔ");
  });
  it("covers whole surrogate pairs", () => {
    expect(originalOf("x 𝐢𝐝𝐢𝐨𝐭 y", "idiot")).toBe("𝐢𝐝𝐢𝐨𝐭");
    expect(originalOf("😀idiot😀", "idiot")).toBe("idiot");
  });
});

describe("normalizeForMatching properties", () => {
  it("never throws; origins stay inside the original and never decrease", () => {
    const anyText = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 80 }),
      fc.string({ unit: "binary", maxLength: 80 }),
      fc.string({ unit: fc.constantFrom("a", "i", "1", "0", "@", "$", "!", "|", " ", ".", "-", "\u200B", "і", "ｉ", "é", "\uD835", "\uDC22"), maxLength: 60 }),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        const { text: out, origin, originEnd } = normalizeForMatching(text);
        expect(origin.length).toBe(out.length);
        for (let i = 0; i < origin.length; i++) {
          expect(origin[i]).toBeGreaterThanOrEqual(0);
          expect(originEnd[i]).toBeLessThanOrEqual(text.length);
          expect(origin[i]!).toBeLessThanOrEqual(originEnd[i]!);
          if (i > 0) expect(origin[i]!).toBeGreaterThanOrEqual(origin[i - 1]!);
        }
        expect(out).toBe(out.trim());
        expect(out.includes("  ")).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
