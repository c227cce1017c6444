// Ordinary words one dropped or swapped letter away from a listed word of the default pack, never
// read as it. Found by measuring, not guessed: every misspelling the index makes was counted as a
// whole word over dev and the public datasets (docs/quality.md, flags10), and those that are words
// of their own kept here. English first, then romanized Hindi/Urdu (what the word means).
export const MISSPELT_REAL_WORDS: ReadonlySet<string> = new Set<string>([
  "money", "facing", "faking", "defeat", "defect", "beats", "garage", "sinking", "staring", "dally",
  "bhara", "bhari", "bhare", // filled, heavy
  "bharta", // a dish
  "barat", // a wedding procession
  "bhada", // rent
  "bhagi", // ran away
  "chacha", // uncle
  "chaar", // four
  "sidhi", // straight, stairs
  "pahan", // wear
  "jailon", // jails
]);
