// The target detector of the composed nationalist signal (`model-abusive-at-group` in
// default-pack-classifier.ts): a mention of a country, people, religion or its followers, in English
// and romanized Urdu/Hindi. Slurs for peoples are rules of their own (default-pack-terms.ts) and
// flag without the model. Tamil script is left out: the abusive head ranks Tamil comments at chance
// (docs/model.md), so a Tamil target would only add noise.
import { GROUP_TERMS } from "./default-pack-terms";

/** Short forms, religions (not just their followers) and romanized names for peoples. */
const MORE_TARGETS = [
  "pak", "paks", "islam*", "hinduism", "hindutva*", "sikhism", "christianity", "judaism",
  "musalmaan*", "muslman*", "hindoo*", "yahudi*", "isai", "isaai", "isaiyon", "angrez*", "firangi*",
  "cheeni", "chini", "bangali*", "madrasi*", "nepal*", "lanka*", "turk*", "russia*", "bharatiya*",
  "kashmir*", "tibet*", "uyghur*", "europe*", "africa*",
];

export const TARGET_GROUP_TERMS: readonly string[] = [...GROUP_TERMS, ...MORE_TARGETS];
