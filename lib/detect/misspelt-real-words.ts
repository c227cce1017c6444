// Ordinary words one dropped or swapped letter away from a listed word of the default pack, never
// read as it. Found by measuring, not guessed: every misspelling the index makes was counted as a
// whole word over dev and the public datasets (docs/quality.md, flags10), and those that are words
// of their own kept here; then the misspellings shaped like words (consonants and vowels taking
// turns) were read through once for words the data did not have. English first, then romanized
// Hindi/Urdu and Tamil (what the word means).
export const MISSPELT_REAL_WORDS: ReadonlySet<string> = new Set<string>([
  "money", "moneys", "facing", "faking", "defeat", "defect", "beats", "garage", "sinking", "staring", "dally",
  "mohair", "tolet", // 'to-let', a sign
  "rania", "patan", // a name, a town
  "bhara", "bhari", "bhare", // filled, heavy
  "bharta", // a dish
  "barat", // a wedding procession
  "bhada", // rent
  "bhagi", // ran away
  "chacha", // uncle
  "chaar", "chaaron", // four, all four
  "chini", // sugar, Chinese
  "bhaat", // rice
  "bhade", // rented
  "chache", // uncles
  "choto", // small
  "khura", // hoof
  "salai", // a road (Tamil)
  "sidhi", // straight, stairs
  "pahan", // wear
  "jailon", // jails
  // Added in evasion3 after counting the readings again (scripts/model/misspelt-readings.ts).
  "dalal", // a broker
  "chinis", // Chinese people
  "jhail", // a lake
]);
