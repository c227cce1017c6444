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

  it("words run together through separator runs, trailing '!', '@', '|' and links as the general path reads them", () => {
    const runs = ["idiot, the", "india. Pakistan", "x.com and y.org", "a:b the", "aa,,, bb", "the..news", "really!! no",
      "why?! because", "b!tch idiot!", "idiot@ home", "pipe| end", "cash$ money", "it! 5", "stop!x now", "end!", "the . . . x"];
    for (const text of runs) expect(normalize(text), text).toEqual(normalize(text, { plainWords: false }));
    expect(normalize("x.com and").linkHint).toBe(true);
    expect(normalize("idiot, the").linkHint).toBe(false);
  });

  it("one normalizer reused across texts gives what a fresh one gives (its buffers keep older text)", () => {
    const shared = new TextNormalizer();
    const separators = fc.constantFrom(...SEPARATORS, "!", "! ", "|", "@ ", ",,", "  ");
    const texts = fc.array(fc.tuple(fc.constantFrom(...WORDS), separators), { maxLength: 30 })
      .map((pairs) => pairs.map(([word, separator]) => word + separator).join(""));
    fc.assert(
      fc.property(fc.array(texts, { minLength: 2, maxLength: 4 }), (batch) => {
        for (const text of batch) {
          shared.run(text);
          const fresh = normalize(text);
          expect(Array.from(shared.codes.subarray(0, shared.length))).toEqual(fresh.codes);
          expect(Array.from(shared.originEnd.subarray(0, shared.length))).toEqual(fresh.originEnd);
          expect(Array.from(shared.wordHashes.subarray(0, shared.wordCount))).toEqual(fresh.wordHashes);
          expect(normalize(text)).toEqual(normalize(text, { plainWords: false }));
        }
      }),
      { numRuns: 300 },
    );
    // A long text, then short ones ending in single letters: the buffer past the text still
    // holds the long one, and nothing read there may change the result.
    shared.run("the government should explain");
    shared.run("hi a");
    expect(shared.textOf()).toBe("hi a");
    shared.run("aa bb i n d i a");
    expect(shared.textOf()).toBe("aa bb india");
  });
});
