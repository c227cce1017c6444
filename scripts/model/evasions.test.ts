import { describe, expect, it } from "vitest";
import { EVASIONS, respellSpans } from "./evasions";

const evasion = (name: string) => {
  const found = EVASIONS.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no evasion ${name}`);
  return found;
};

describe("evasions", () => {
  it("re-spell one word the way a commenter would", () => {
    expect(evasion("leetspeak digits").respell("idiot", 0)).toBe("1d107");
    expect(evasion("spaced letters").respell("idiot", 0)).toBe("i d i o t");
    expect(evasion("asterisk for a vowel").respell("idiot", 0)).toBe("id*ot");
    expect(evasion("asterisk for a vowel").respell("idiot", 1)).toBe("idi*t");
    expect(evasion("stretched").respell("rat", 0)).toBe("raaaat");
    expect(evasion("stretched").respell("psst", 0)).toBe("psstttt");
    expect(evasion("zero-width inside").respell("idiot", 0)).toBe("idi\u200Bot");
  });
  it("re-spell only the longest word of each span and leave the rest of the text alone", () => {
    const text = "well, you idiot, go away";
    expect(respellSpans(text, [[6, 15]], evasion("spaced letters"), 0)).toBe("well, you i d i o t, go away");
    expect(respellSpans(text, [[6, 9], [10, 15], [20, 24]], evasion("leetspeak digits"), 0)).toBe("well, y0u 1d107, go 4w4y");
  });
});
