// Spellings a commenter uses to slip a word past a filter, applied in memory to the words a rule
// matched (scripts/model/evasion-check.ts). Each takes one word (a run of letters) and a seed, so
// a run is repeatable. Pure; unit-tested in evasions.test.ts.

export interface Evasion {
  name: string;
  respell(word: string, seed: number): string;
}

const LEET: Record<string, string> = { a: "4", e: "3", i: "1", o: "0", s: "5", t: "7" };
const LEET_SYMBOLS: Record<string, string> = { a: "@", i: "!", s: "$", o: "0", e: "3" };
const CYRILLIC: Record<string, string> = { a: "\u0430", e: "\u0435", o: "\u043E", p: "\u0440", c: "\u0441", x: "\u0445", i: "\u0456", y: "\u0443" };
const ACCENTED: Record<string, string> = { a: "\u00E1", e: "\u00E9", i: "\u00ED", o: "\u00F3", u: "\u00FA" };
const VOWELS = /[aeiou]/i;

function mapLetters(word: string, table: Record<string, string>, every = true): string {
  let done = false;
  return [...word].map((ch) => {
    const to = table[ch.toLowerCase()];
    if (to === undefined || (done && !every)) return ch;
    done = true;
    return to;
  }).join("");
}

/** Index of an inner vowel (not the first or last letter), chosen by the seed; -1 when there is none. */
function innerVowel(word: string, seed: number): number {
  const inner: number[] = [];
  for (let i = 1; i < word.length - 1; i++) if (VOWELS.test(word[i]!)) inner.push(i);
  return inner.length === 0 ? -1 : inner[seed % inner.length]!;
}

const joinLetters = (separator: string) => (word: string) => [...word].join(separator);

export const EVASIONS: readonly Evasion[] = [
  { name: "leetspeak digits", respell: (word) => mapLetters(word, LEET) },
  { name: "leetspeak symbols", respell: (word) => mapLetters(word, LEET_SYMBOLS) },
  { name: "one leet letter", respell: (word) => mapLetters(word, LEET, false) },
  { name: "zero-width inside", respell: (word) => `${word.slice(0, Math.ceil(word.length / 2))}\u200B${word.slice(Math.ceil(word.length / 2))}` },
  { name: "soft hyphen inside", respell: (word) => `${word.slice(0, Math.ceil(word.length / 2))}\u00AD${word.slice(Math.ceil(word.length / 2))}` },
  { name: "homoglyphs", respell: (word) => mapLetters(word, CYRILLIC) },
  { name: "accents", respell: (word) => mapLetters(word, ACCENTED) },
  { name: "fullwidth", respell: (word) => [...word].map((ch) => /[a-z]/i.test(ch) ? String.fromCodePoint(ch.codePointAt(0)! + 0xfee0) : ch).join("") },
  { name: "alternating case", respell: (word) => [...word].map((ch, i) => (i % 2 === 0 ? ch.toUpperCase() : ch.toLowerCase())).join("") },
  { name: "spaced letters", respell: joinLetters(" ") },
  { name: "dotted letters", respell: joinLetters(".") },
  { name: "hyphenated letters", respell: joinLetters("-") },
  { name: "underscored letters", respell: joinLetters("_") },
  { name: "stretched", respell: (word, seed) => { const vowel = innerVowel(word, seed); const i = vowel < 0 ? word.length - 1 : vowel; return word.slice(0, i) + word[i]!.repeat(4) + word.slice(i + 1); } },
  { name: "asterisk for a vowel", respell: (word, seed) => { const i = innerVowel(word, seed); return i < 0 ? word : `${word.slice(0, i)}*${word.slice(i + 1)}`; } },
  { name: "dot inside", respell: (word) => `${word.slice(0, Math.ceil(word.length / 2))}.${word.slice(Math.ceil(word.length / 2))}` },
  { name: "vowel dropped", respell: (word, seed) => { const i = innerVowel(word, seed); return i < 0 ? word : word.slice(0, i) + word.slice(i + 1); } },
  { name: "letters swapped", respell: (word) => (word.length < 4 ? word : `${word.slice(0, 1)}${word.slice(2, 3)}${word.slice(1, 2)}${word.slice(3)}`) },
];

/** Letters of any script: the words inside a matched span that an evasion re-spells. */
const WORD = /\p{L}[\p{L}\p{M}]*/gu;

/**
 * The text with the longest word of each span re-spelled (spans are original-text offsets): the
 * word a commenter would disguise ('idiot' in 'you idiot'; spacing out both would join them).
 */
export function respellSpans(text: string, spans: readonly (readonly [number, number])[], evasion: Evasion, seed: number): string {
  const merged = [...spans].sort((a, b) => a[0] - b[0]).reduce<[number, number][]>((out, [start, end]) => {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
    return out;
  }, []);
  let result = "";
  let at = 0;
  for (const [start, end] of merged) {
    const inside = text.slice(start, end);
    const longest = (inside.match(WORD) ?? []).reduce((best, word) => (word.length > best.length ? word : best), "");
    let done = longest.length < 3;
    result += text.slice(at, start) + inside.replace(WORD, (word) => {
      if (done || word !== longest) return word;
      done = true;
      return evasion.respell(word, seed);
    });
    at = end;
  }
  return result + text.slice(at);
}
