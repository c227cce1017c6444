// REGEX patterns of the default pack for insults aimed at a person in words no single term carries:
// an insulting adjective on a word for a person ('arrogant stupid man', 'shameless fellow') and the
// romanized Urdu/Hindi put-down of someone's standing ('teri aukat', 'aukat mein reh'). Written from
// the guidelines ("insults, name-calling … aimed at a person"); checked on TRAC-1 and RUHSOLD, where
// each fires on aggressive rows far more than on others (docs/rules.md, December).
import { alt, words } from "./default-pack-vocabulary";

const CONTEMPT_ADJECTIVES = words(`stupid, dumb, arrogant, shameless, pathetic, brainless, useless, worthless, disgusting, filthy,
  idiotic, senile, spineless, characterless, two faced, gutless`);

/** Words for a person that an adjective turns into an insult; not 'people' (a group is the nationalist rules' business). */
const PERSON_NOUNS = words(`man, woman, guy, fellow, chap, person, creature, clown, joker, fool, buffoon, bastard, pig, old man,
  lady, boy, girl, moron, idiot`);

const POSSESSIVES = words(`teri, tumhari, tumhaari, tera, tumhara, apni, unki, uski, inki, iski, tumhari kya, teri kya`);
const STANDING = words(`aukat, aukaat, auqat, okat, aukad, aukaad`);

export function personalInsultPhrasePattern(): string {
  // One or two adjectives: 'a stupid arrogant man'.
  const adjectives = `${alt(CONTEMPT_ADJECTIVES)}(?: (?:and )?${alt(CONTEMPT_ADJECTIVES)})?`;
  const described = `${adjectives} ${alt(PERSON_NOUNS)}`;
  const standing = `${alt(POSSESSIVES)} ${alt(STANDING)}|${alt(STANDING)} (?:mein|me|main|mai|men) (?:reh|rah|raho|rahe|rehna|rehte|rahna)|${alt(STANDING)} (?:dikha|dikhadi|dikha di|dikhayi|dikhai|pata chal)`;
  return `\\b(?:${described}|${standing})\\b`;
}

/** Speed gate: a word every match contains. */
export const PERSONAL_INSULT_GATE = [...CONTEMPT_ADJECTIVES, ...STANDING];
