// REGEX patterns for sweeping hostility the first patterns (default-pack-patterns.ts) miss: a whole
// people judged through one member ("every X is a thief", "never trust an X"), a people compared to
// vermin ("X breed like rats"), and a religion or its scripture made the cause of violence. Written
// from the labelling guidelines, not from any thread; like the others they run on normalized text,
// gated by words every match contains, and stand down after a negation.
import { alt, DEMONYMS, NAMED_PEOPLES, POINTED_PEOPLES, words } from "./default-pack-vocabulary";

/** What one member of a people is called when the whole people is meant. */
const SINGULAR_PREDICATES = words(`
  thief, liar, cheat, cheater, traitor, terrorist, jihadi, fanatic, beggar, snake, rat, pig, dog, animal, savage,
  barbarian, criminal, rapist, murderer, spy, fraud, scammer, crook, parasite, coward, backstabber, enemy,
  potential terrorist, terrorist in waiting, danger, threat
`);

/** Vermin and beasts a people is likened to. */
const VERMIN = words(`rats, cockroaches, termites, rabbits, animals, beasts, pigs, dogs, flies, insects, vermin, locusts, lice,
  mosquitoes, parasites, leeches, maggots, roaches, savages, monkeys, kutte, keede, janwar, jaanwar`);

const DEMONYM_NOUNS = [...DEMONYMS, ...DEMONYMS.map((demonym) => `${demonym}s`)];

/** 'every Afghan is a thief', 'never trust a Pakistani', 'no Indian can be trusted'. */
export function memberGeneralizationPattern(): string {
  const member = `(?:every|each|any) (?:single |last )?${alt(DEMONYMS)}(?: man| person| one)? (?:is|is just|is only|is basically) (?:a |an )?(?:born )?${alt(SINGULAR_PREDICATES)}`;
  const trust = `(?:never|can t|cannot|can not|don t|dont|do not|shouldn t|should never|must never) (?:ever )?trust (?:a |an |the |any )?${alt(DEMONYM_NOUNS)}`;
  const noOne = `no ${alt(DEMONYMS)} can (?:ever )?be trusted`;
  return `\\b(?:${member}|${trust}|${noOne})\\b`;
}

/** '<people> breed like rats', '<people> behave like animals'. */
export function verminComparisonPattern(): string {
  const people = alt([...NAMED_PEOPLES, ...POINTED_PEOPLES]);
  return `\\b${people}(?: [a-z]+){0,3} like (?:a (?:pack|bunch|swarm|herd) of )?${alt(VERMIN)}\\b`;
}

const RELIGIONS = words(`islam, hinduism, sikhism, christianity, judaism, their religion, your religion, this religion, their faith, your faith, their deen, your dharma`);
const SCRIPTURES = words(`quran, koran, gita, bhagavad gita, vedas, manusmriti, bible, torah, talmud`);
const VIOLENCE = words(`murder, hate, hatred, violence, terror, terrorism, killing, killings, jihad, bloodshed, slaughter, rape, war`);

/** A religion or its scripture made the cause of violence: contempt for its believers as a whole. */
export function religionContemptPattern(): string {
  const teaches = `${alt([...RELIGIONS, ...SCRIPTURES])} (?:only |just )?(?:teaches|preaches|spreads|breeds|promotes|is all about|is about|means)(?: nothing but| only)? ${alt(VIOLENCE)}`;
  const manual = `${alt(SCRIPTURES)} is (?:a |an |the )?(?:manual|recipe|handbook|guide|book|license|licence|blueprint) (?:of|for) ${alt(VIOLENCE)}`;
  const religionOf = `(?:a |the )?(?:religion|faith|cult) of (?:terror|terrorists|hate|hatred|violence|murderers|killers|the sword|pedophiles|paedophiles|rapists|savages)`;
  const believers = `(?:every|each) (?:muslim|hindu|sikh|christian|jew|believer) is (?:a |an )?(?:potential )?(?:danger|threat|terrorist|soldier of terror)`;
  return `\\b(?:${teaches}|${manual}|${religionOf}|${believers})\\b`;
}

/** Speed gates: a word every match of the pattern contains. */
export const SWEEPING_GATES = {
  memberGeneralization: words(`trust, trusted, every, each, any`),
  verminComparison: VERMIN,
  religionContempt: words(`teaches, preaches, spreads, breeds, promotes, about, means, manual, recipe, handbook, guide, book,
    license, licence, blueprint, religion of, faith of, cult of, every, each`),
};
