// Generated comments full of the spellings the normalizer undoes (leetspeak, zero-width and bidi
// characters, homoglyphs, spaced and dotted letters, stretched letters, diacritics, fullwidth
// forms) plus links, shouting, repetition and surrogate pairs: for scripts that compare engines.

const WORDS = `the minister said india pakistan people are all idiots stupid dirty terrorists enemy nation
should be hanged kill them all go back to pakistan you fool budget deficit loan debt cricket match
beggars rats not a country wipe out hate muslims hindus women chutiya kutte harami saale`.split(/\s+/);
const LEET: Record<string, string> = { o: "0", i: "1", e: "3", a: "4", s: "5", t: "7" };
const HOMOGLYPHS: Record<string, string> = { a: "\u0430", e: "\u0435", o: "\u043E", p: "\u0440", c: "\u0441", x: "\u0445", i: "\u0456", y: "\u0443" };
const INVISIBLE = ["\u200B", "\u200C", "\u200D", "\uFEFF", "\u00AD", "\u202E"];
const SEPARATORS = [" ", " ", " ", ", ", ". ", "! ", "? ", " - ", "… ", "\n", " “", "” ", "  "];

type Mutation = (word: string, random: () => number) => string;

const pickOf = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const MUTATIONS: Mutation[] = [
  (word) => word,
  (word) => word.toUpperCase(),
  (word, random) => [...word].map((ch) => (LEET[ch] !== undefined && random() < 0.6 ? LEET[ch] : ch)).join(""),
  (word, random) => [...word].map((ch, k) => (k > 0 && random() < 0.3 ? pickOf(random, INVISIBLE) : "") + ch).join(""),
  (word, random) => [...word].map((ch) => (HOMOGLYPHS[ch] !== undefined && random() < 0.5 ? HOMOGLYPHS[ch] : ch)).join(""),
  (word, random) => [...word].join(pickOf(random, [" ", ".", "-", "_", "*"])),
  (word, random) => word.replace(/[aeiou]/, (vowel) => vowel.repeat(2 + Math.floor(random() * 4))),
  (word) => word.normalize("NFD").replace(/[aeiou]/g, (vowel) => `${vowel}\u0301`),
  (word) => [...word].map((ch) => (ch >= "a" && ch <= "z" ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : ch)).join(""),
  (word) => `${word}\u{1F621}`,
  (word) => (word.length > 3 ? `${word}$` : `${word}!!`),
  (word, random) => `www.${word}.${pickOf(random, ["com", "pk", "in", "xyz"])}/${word}`,
  (word, random) => `${word} `.repeat(2 + Math.floor(random() * 4)).trim(),
];

/** `count` seeded comments of 3 to 40 words, each word spelled through a random mutation. */
export function evasionVariants(random: () => number, count: number): string[] {
  const comments: string[] = [];
  for (let c = 0; c < count; c++) {
    const words = 3 + Math.floor(random() * 38);
    let text = "";
    for (let w = 0; w < words; w++) {
      const word = pickOf(random, WORDS);
      text += (random() < 0.4 ? pickOf(random, MUTATIONS)(word, random) : word) + (w + 1 < words ? pickOf(random, SEPARATORS) : "");
    }
    comments.push(text);
  }
  return comments;
}
