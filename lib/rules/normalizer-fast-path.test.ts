import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { TextNormalizer } from "./normalizer-core";

interface Snapshot {
  codes: number[];
  originStart: number[];
  originEnd: number[];
  wordStarts: number[];
  wordHashes: number[];
  letterCount: number;
  upperCount: number;
  longestCharRun: number;
  longestCharRunStart: number;
  linkHint: boolean;
}

function normalize(text: string, options: { plainWords?: boolean; nativeCopy?: boolean } = {}): Snapshot {
  const normalizer = new TextNormalizer();
  normalizer.plainWords = options.plainWords ?? true;
  normalizer.nativeCopy = options.nativeCopy ?? normalizer.nativeCopy;
  normalizer.run(text);
  const { length, wordCount } = normalizer;
  return {
    codes: Array.from(normalizer.codes.subarray(0, length)),
    originStart: Array.from(normalizer.originStart.subarray(0, length)),
    originEnd: Array.from(normalizer.originEnd.subarray(0, length)),
    wordStarts: Array.from(normalizer.wordStarts.subarray(0, wordCount)),
    wordHashes: Array.from(normalizer.wordHashes.subarray(0, wordCount)),
    letterCount: normalizer.letterCount,
    upperCount: normalizer.upperCount,
    longestCharRun: normalizer.longestCharRun,
    longestCharRunStart: normalizer.longestCharRunStart,
    linkHint: normalizer.linkHint,
  };
}

// Lowercase letters and a few capitals that never sit next to their own lowercase form, so
// case-insensitive and raw run counting agree (the one documented difference of plain words).
const WORDS = ["idiot", "stuuupid", "india", "Pakistan", "kutte", "the", "aa", "x", "i", "NEWS", "st00pid", "b!tch", "1d10t", "2015", "ｉｄｉｏｔ", "іdiot", "id\u200Biot", "straße"];
const SEPARATORS = [" ", "  ", ", ", ". ", "! ", "… ", " – ", " “", "” ", "’", ".", "-", "\n", ":", "…"];
const textOfWords = fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: 30 })
  .map((pairs) => pairs.map(([word, separator]) => word + separator).join(""));

describe("normalizer fast paths", () => {
  it("plain ASCII words give what the general path gives, offsets included", () => {
    fc.assert(
      fc.property(textOfWords, (text) => {
        expect(normalize(text)).toEqual(normalize(text, { plainWords: false }));
      }),
      { numRuns: 400 },
    );
  });

  it("copying the text natively or with charCodeAt gives identical results", () => {
    fc.assert(
      fc.property(fc.oneof(textOfWords, fc.string({ unit: "binary", maxLength: 80 })), (text) => {
        expect(normalize(text, { nativeCopy: true })).toEqual(normalize(text, { nativeCopy: false }));
      }),
      { numRuns: 300 },
    );
  });

  it("ASCII and one-unit non-ASCII separators give identical output and offsets", () => {
    const swaps: [string, string][] = [["\"", "“"], ["'", "’"], ["-", "–"], [";", "؛"]];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(" ", "\"", "'", "-", ";")), { maxLength: 20 }),
        (pairs) => {
          const ascii = pairs.map(([word, separator]) => word + separator).join("");
          let other = ascii;
          for (const [from, to] of swaps) other = other.replaceAll(from, to);
          const a = normalize(ascii);
          const b = normalize(other);
          expect(b).toEqual(a);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a word ended by '…' counts its runs like the general path, case-sensitively", () => {
    expect(normalize("aAaAaAaAaAaAaA…").longestCharRun).toBe(normalize("aAaAaAaAaAaAaA…", { plainWords: false }).longestCharRun);
    expect(normalize("aAaAaAaAaAaAaA…").longestCharRun).toBe(0);
    // Plain words (ended by a separator) have always counted runs case-insensitively.
    expect(normalize("aAaAaAaAaAaAaA ").longestCharRun).toBe(14);
    expect(normalize("stuuupid… really").codes).toEqual(normalize("stuuupid. really").codes);
  });

  it("keeps offsets exact through a long text that outgrows the buffers", () => {
    const text = "You 1d10t… ".repeat(500) + "stuuupid";
    const snapshot = normalize(text);
    const last = snapshot.codes.length - 1;
    expect(text.slice(snapshot.originStart[last - 5]!, snapshot.originEnd[last]!)).toBe("stuuupid");
    expect(normalize(text)).toEqual(normalize(text, { plainWords: false, nativeCopy: false }));
  });
});
