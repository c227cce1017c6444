// REGEX patterns of the default pack, for hostility that lives in how words combine, not in any one
// word: "<a people> are all <animals>", "nation of beggars", "<a state> is not a country",
// "<they> should be wiped out". They run over NORMALIZED text (lowercase words, single spaces, no
// punctuation, evasions undone), never across a sentence end, and each names its groups and
// predicates from the lists in default-pack-vocabulary.ts so a reviewer can read what it catches.
// Romanized Urdu/Hindi forms sit beside the English ones.

import {
  alt, COLLECTIVES, COPULAS, DEHUMANIZING_NOUNS, DEMONYMS, GROUP_INSULT_ADJECTIVES, GROUP_TARGETS, IDENTITY_GROUPS,
  INSULTABLE_GROUPS, MODALS, NAMED_PEOPLES, NATION_PREDICATES, NATIONS, PEOPLE_PREDICATES, PEOPLES, QUALIFIERS,
  TAUNT_PLURALS, TERROR_SOURCES, VIOLENT_PARTICIPLES, WHOLE_PEOPLE, words,
} from "./default-pack-vocabulary";

export { BEFALLEN_AFTER, NAME_CALLING_BEFORE, NEGATION_BEFORE, NEGATION_BEFORE_TAUNT } from "./default-pack-vocabulary";

/** '<people> are (all) <predicate>' and '<state> is (a) <predicate>'. */
export function generalizationPattern(): string {
  // A participle may describe the predicate ('stone pelting rats'); a bare extra word may not ('are not rats').
  const participle = "(?:(?: [a-z]+)? [a-z]+(?:ing|ed))?";
  const subject = alt([...PEOPLES, ...WHOLE_PEOPLE]);
  const people = `${subject} (?:${alt(COPULAS)}|is|was)(?: ${alt(QUALIFIERS)})*${participle} ${alt(PEOPLE_PREDICATES)}`;
  const all = `(?:all|every|most) ${alt(PEOPLES)} ${alt(PEOPLE_PREDICATES)}`;
  // Urdu/Hindi put the predicate before the copula: 'ye log ... hain'.
  const urdu = `${alt([...PEOPLES, ...NATIONS])}(?: ${alt(QUALIFIERS)})* ${alt(PEOPLE_PREDICATES)} (?:hain|hai|ho|hote hain|hi hain)`;
  // One sentence adverb may sit between a state and its verb ('Pakistan anyway is a failed state').
  const adverb = "(?: (?:anyway|anyways|clearly|already|truly|basically|now|today|still|itself|simply|obviously))?";
  const nation = `${alt(NATIONS)}${adverb} (?:is|was|remains|has become|will always be|hai|ek)(?: ${alt(QUALIFIERS)})* ${alt(NATION_PREDICATES)}`;
  const source = `${alt([...NATIONS, ...PEOPLES])}(?: ${alt(["is", "are", "the", "da", "a", "an", "biggest", "real", "world s", "worlds", "global", "true"])})* ${alt(TERROR_SOURCES)} of (?:all |global |world |international )?(?:terror\\w*|jihad\\w*)`;
  return `\\b(?:${people}|${all}|${urdu}|${nation}|${source}|${hatePhrases([...PEOPLES, ...NATIONS])})\\b`;
}

const HATE_VERBS = "(?:hate|despise|detest|loathe|can t stand|cannot stand|can t tolerate)";
const HATE_ADVERBS = "(?: really| absolutely| just| fucking| truly| so| totally| honestly)*";

/** 'I hate <group>', 'mujhe <group> se nafrat hai'. */
function hatePhrases(groups: readonly string[]): string {
  const target = alt(groups);
  // 'I have so much contempt for X', not 'your contempt for X' (a reproach) or 'the hatred for X in our society'.
  const feeling = `(?:(?:disgusted|sickened|repulsed|revolted|sick|sick and tired) (?:by|of|with) (?:being around )?|(?:i|we)(?: have| feel| ve| ve got| have got| ve always had| have always had)? (?:(?:so much|such|nothing but|only|pure|a lot of|real|deep|total) )*(?:hatred|disdain|contempt|loathing|disgust) (?:for|towards|toward) )(?:all |the |those |these |you )*${target}`;
  // Each alternative names the target once: the identity rule's pattern must stay under the 20,000-character limit.
  const disgust = `${feeling}|${target} (?:(?:disgust|sicken|repulse) me|make me (?:sick|want to (?:puke|vomit|throw up)))|(?:world|we|society|this country) (?:would be|is|are) better (?:off )?without ${target}`;
  // 'mujhe <group> se nafrat hai' matches from the group on, like '<group> se mujhe nafrat hai'.
  return `(?:i|we|i m sure i|everyone should)${HATE_ADVERBS} ${HATE_VERBS} (?:all |the |those |these |every )?${target}|${target} se (?:mujhe |mujhko |hamein |humein |hume )?(?:bahut |sakht )?(?:nafrat|ghin|ghrina)|${disgust}`;
}

const KILL_VERBS = "(?:kill|murder|shoot|hang|slaughter|butcher|hurt|stab|burn|behead|lynch|exterminate|eradicate|wipe out|get rid of|execute|torture|bomb|nuke|rape|beat up)";

/** 'I will kill all <group>', '<group> should all die', '<group> ko maar dena chahiye'. */
function threatPhrases(groups: readonly string[]): string {
  const target = alt(groups);
  const will = `(?:i|we) (?:really |just |honestly )*(?:will|ll|am going to|m going to|am gonna|m gonna|want to|wanna|would love to|d love to|gonna|are going to|re going to|should|must|need to|shall) (?:just |really |all |go and |finally )*${KILL_VERBS} (?:all |the |those |these |every |single |you |of |that |the next )*(?:fucking |damn |bloody )?${target}`;
  const die = `${target} (?:like you |like them |like these )?(?:should|must|deserve to|deserves to|need to|ought to|have to) (?:all )?(?:die|burn|rot|suffer|be executed|be put down|be eliminated|be got rid of)`;
  // Wishing it on them: 'I would love to see X suffer', 'I wish all X would be shot', 'make those X suffer'.
  const wish = `(?:(?:love to see|like to see|want to see|wish|hope|pray) |make )(?:all |the |those |these |every )?${target} (?:would |will |all )*(?:die|burn|rot|suffer|drown|bleed|pay with their lives|be shot|be killed|be hanged|be burnt|be burned|be wiped out|get shot|get killed|dead)`;
  const all = `${KILL_VERBS} (?:all|every) ${target}`;
  const hinglish = `(?:saare |saari |sabhi |sab )?${target}(?: ko| ka)? (?:zinda )?(?:maar|mar|maro|maaro|khatam|mita|jala|kaat|goli maar|goli maaro|goli mar)(?: kar)? (?:do|dalo|daalo|dena|denge|dunga|dungi|daalunga|dalunga|daalenge|dena chahiye|dene chahiye|diya jana chahiye|dalna chahiye|daalna chahiye)`;
  return `${will}|${die}|${wish}|${all}|${hinglish}`;
}

/** Insults, hate and threats aimed at a protected group as a whole: abusive. */
export function identityDerogationPattern(): string {
  const groups = alt(IDENTITY_GROUPS);
  const participle = "(?:(?: [a-z]+)? [a-z]+(?:ing|ed))?";
  const are = `${groups} (?:${alt(COPULAS)}|is)(?: ${alt(QUALIFIERS)})*${participle} ${alt(PEOPLE_PREDICATES)}`;
  const all = `(?:all|every|most|saare|saari|sabhi) ${groups} ${alt(PEOPLE_PREDICATES)}`;
  const urdu = `${groups}(?: ${alt(QUALIFIERS)})* ${alt(PEOPLE_PREDICATES)} (?:hain|hai|ho|hote hain|hi hain)`;
  const should = `${groups} (?:all )?${alt(MODALS)} (?:all )?be ${alt(VIOLENT_PARTICIPLES)}`;
  return `\\b(?:${are}|${all}|${urdu}|${hatePhrases(IDENTITY_GROUPS)}|${threatPhrases(IDENTITY_GROUPS)}|${should})\\b`;
}

/** 'paki dogs', 'ugly India', 'nation of beggars', 'terrorist religion'. */
export function dehumanizingPhrasePattern(): string {
  const noun = `${alt([...PEOPLES, ...DEMONYMS])} ${alt(DEHUMANIZING_NOUNS)}`;
  const adjective = `${alt(GROUP_INSULT_ADJECTIVES)} ${alt(INSULTABLE_GROUPS)}`;
  const nationOf = `${alt(COLLECTIVES)} (?:of|full of|run by|ruled by|made of|made up of)(?: [a-z]+)? ${alt(TAUNT_PLURALS)}`;
  const religion = `(?:terrorist|terror|violent|evil|barbaric|satanic|demonic|filthy|bloodthirsty|desert|pedo|paedo|stupid|disgusting|backward|primitive|medieval|savage) (?:religion|islam|hinduism|sikhism|christianity|deen|dharm|dharma|mazhab|cult|prophet)`;
  return `\\b(?:${noun}|${adjective}|${nationOf}|${religion})\\b`;
}

/** A state or people denied the right to exist. */
export function legitimacyDenialPattern(): string {
  const state = alt(NATIONS);
  // 'India is not a country that forgets' is no denial: a bare 'not a country' must end the text or
  // turn ('… not a country, it is a …'); a qualified one ('not a real country') stands alone.
  const turn = "(?:$| but| it s| its| it is| just| only| merely| at all| anymore| period| full stop| lol| rather| and never)";
  const notCountry = `${state} (?:is|was) (?:not|never|no) (?:even )?(?:a |an )?(?:(?:real|proper|true|actual|legitimate) (?:country|nation|state)|(?:country|nation|state)${turn})`;
  const noSuch = `no such (?:country|nation|place|thing) as ${state}|no such thing as (?:an? )?${alt(DEMONYMS)} (?:nation|people|country|state|identity)`;
  const shouldBreak = `${state} (?:should|must|will|needs to|deserves to|ought to|has to|shall) (?:be )?(?:broken|broken up|break up|split|divided|dismembered|disintegrate|disintegrated|balkanized|balkanised|erased|wiped|removed|eliminated|cease to exist|not exist|never have existed|never have been created|vanish|disappear|perish)`;
  const noRight = `${state} (?:has|have) no right to exist`;
  const slogans = `${alt([...NATIONS, ...PEOPLES])} (?:murdabad|murdabaad|murda bad|ke tukde|ke tukre|tere tukde|tere tukre)`;
  return `\\b(?:${notCountry}|${noSuch}|${shouldBreak}|${noRight}|${slogans})\\b`;
}

/** 'should be hanged/shot/killed' whoever it is about: a threat, abusive even about one person. */
export function killingCallPattern(): string {
  return "\\b(?:should|must|deserve to|deserves to|needs to|need to|ought to|will) be (?:shot|hanged|hung|killed|lynched|burnt alive|burned alive|beheaded|stoned to death|put to death|shot dead|publicly hanged|hanged publicly|hanged in public|thrown to dogs)\\b";
}

/** Capitals and big cities a strike is called down on. */
const CITIES = words(`lahore, karachi, islamabad, rawalpindi, peshawar, quetta, delhi, new delhi, mumbai, kolkata, chennai, bangalore,
  dhaka, kabul, beijing, tehran, tel aviv, gaza`);

/** Calls for war, killing or destruction of a people or state: held for a moderator. */
export function groupViolencePattern(): string {
  const targets = alt(GROUP_TARGETS);
  const should = `${targets} (?:all )?${alt(MODALS)} (?:all )?be ${alt(VIOLENT_PARTICIPLES)}`;
  const nuke = `(?:nuke|carpet bomb|exterminate|annihilate|obliterate|ethnically cleanse) (?:them|all of them|${targets})`;
  const wipe = `wipe (?:them|${targets}) (?:out|off)|wipe (?:out|off) (?:all |all the |the (?:whole|entire) (?:lot of )?|every )?${targets}|off the face of the earth|off the map`;
  const killAll = `kill (?:them all|all of them|every one of them|all (?:the |those |these )?${alt(PEOPLES)}|all ${alt(DEMONYMS)}s?)`;
  const deathTo = `death to (?:all )?${targets}`;
  // A strike called down on a state or its cities ('time to flatten Karachi', 'drop a nuke on Delhi'); not 'India will
  // destroy them in the final' nor 'X will bomb Y, the report says': only verbs no sports page uses, after a call.
  const places = alt([...GROUP_TARGETS, ...CITIES]);
  const strike = `(?:let s|lets|time to|need to|have to|should|must|just|i d|go and) (?:just |simply |all |go and )?(?:nuke|flatten|raze|carpet bomb|bomb) ${places}|drop (?:a few |a |an |the |some |few |more )?(?:nuke|nukes|nuclear bomb|nuclear bombs|atom bomb|atomic bomb|bomb|bombs) on ${places}|turn ${places} into (?:glass|dust|ashes|rubble|a parking lot|a graveyard|a crater)`;
  const urdu = `${alt([...PEOPLES, ...NATIONS, "in", "inko", "unko", "inhe", "inhein", "unhe", "unhein", "in sab", "sabko", "saalon", "salon", "saalo", "gaddaron", "gaddaro"])}(?: ko| ka)? (?:maar|mar|maro|maaro|khatam|mita|mitaa|ura|uda|jala|jalaa|kaat|saaf|tabah|barbaad|nest o nabood|nestonabood|goli maar|goli maaro|goli maro) (?:do|dalo|daalo|dena|kar do|kardo|karo|denge|dengey|doh)`;
  const goli = `(?:${alt(PEOPLES)}|saalon|salon|saalo|gaddaron|gaddaro|gaddaaron) ko goli (?:maaro|maro|mar do|maar do|mardo)`;
  return `\\b(?:${should}|${nuke}|${wipe}|${killAll}|${deathTo}|${strike}|${urdu}|${goli}|${threatPhrases(GROUP_TARGETS)})\\b`;
}

/** 'send them back', 'go back to Pakistan', 'pakistan chale jao': expulsion of a group. */
export function expulsionPattern(): string {
  const places = alt([...words(`pakistan, bangladesh, afghanistan, india, hindustan, arabia, saudi arabia, saudi, the desert, where they came from, where you came from, your country, your own country, their country, their own country, your mulk`)]);
  const send = `(?:send|kick|throw|drive|chase|deport|ship|pack) (?:them|all of them|${alt(PEOPLES)}) (?:all )?(?:back|out) to ${places}|send (?:them|all of them|${alt(PEOPLES)}|(?:every|each|all the|all) ${alt(DEMONYMS)}s?) back`;
  const goBack = `(?:go|get|move|migrate|shift|run|fuck off|piss off) back to ${places}|(?:fuck off|piss off|get lost|get out) to ${places}`;
  const should = `${alt(PEOPLES)} (?:should|must|better|can|may) (?:all )?(?:go|leave|migrate|shift|move)(?: back)? to ${places}`;
  const urdu = `(?:pakistan|bangladesh|afghanistan|hindustan|arab|saudi) (?:chale jao|chale jaao|chalay jao|chale jaen|jao|bhej do|bhejo|bhejdo|bhej dena|bhagao|bhaga do|chala ja|chali jao|nikal jao)`;
  return `\\b(?:${send}|${goBack}|${should}|${urdu})\\b`;
}

/** '<people> always blame/lie/beg…': a whole people's conduct condemned in one sweep. */
export function sweepingConductPattern(): string {
  const verbs = words(`blame, lie, lies, cry, cries, crying, whine, whining, beg, begging, cheat, cheating, steal, stealing, copy, complain, abuse, backstab, loot, play the victim, make excuses, find a conspiracy, find excuses, run away, hide behind`);
  const people = `${alt(PEOPLES)} (?:always|never stop|all|will always|only know how to) ${alt(verbs)}`;
  const typical = `typical ${alt(DEMONYMS)}s? (?:mentality|mindset|behaviour|behavior|attitude|logic|thinking|hypocrisy|propaganda)|(?:trust|leave it to|leave to) (?:an?|the) ${alt(DEMONYMS)}s? to`;
  // Addressing a whole people ('you Indians are …') is how comment-section generalizations open.
  const address = `(?:you|u|all you) ${alt(NAMED_PEOPLES)} (?:are|r|have|always|never|can t|cannot|will never|should|need to|think|must|don t|dont|love to|keep)`;
  return `\\b(?:${people}|${typical}|${address})\\b`;
}

/**
 * 'Typical Indian!' as a taunt, on the ORIGINAL text: it must end the sentence, because 'typical
 * Pakistani batting collapse' is cricket talk and normalized text has no punctuation to tell them apart.
 */
export function typicalTauntPattern(): string {
  return `\\btypical ${alt(DEMONYMS)}s?\\s*(?:[!.?…]|$)`;
}

const GROUP_INSULT_NOUNS = words(`creatures, animals, beasts, rats, pigs, dogs, vermin, scum, swine, cockroaches, parasites, bastards,
  idiots, morons, clowns, jokers, jahils, gadhe, kutte, suar, janwar, jaanwar, lowlifes`);

/**
 * 'Go to Pakistan!' told to a critic, on the ORIGINAL text: it must open a sentence, because
 * 'India will go to Pakistan for the Asia Cup' is cricket news.
 */
export function goToTauntPattern(): string {
  const places = "(?:pakistan|bangladesh|afghanistan|india|hindustan|arabia|saudi arabia|saudi|your country)";
  return `(?:^|[.!?…\\n]\\s*)(?:so |then |just |please |pls |better |u should |you should )?(?:go|get lost|go back|run|migrate|move|shift) (?:back )?to ${places}\\b`;
}

/** Insults for people pointed at as a bunch ('these creatures', 'shameless creatures'): abusive. */
export function groupInsultPattern(): string {
  const pointers = "(?:these|those|such|you|u|bloody|shameless|filthy|disgusting|evil|vile|brainless|wretched|dirty|khaki)";
  return `\\b${pointers} ${alt(GROUP_INSULT_NOUNS)}\\b`;
}

const firstWords = (phrases: readonly string[]) => phrases.map((phrase) => phrase.split(" ")[0]!);

/** Words one of which every hate phrase contains. */
const HATE_GATE = words(`hate, despise, detest, loathe, can t stand, cannot stand, can t tolerate, nafrat, ghin, ghrina, disgust,
  sicken, repulse, make me sick, make me want, better without, better off without, disgusted, sickened, repulsed, revolted, sick,
  hatred, disdain, contempt, loathing`);

/** Words one of which every threat phrase contains. */
const THREAT_GATE = words(`kill, murder, shoot, hang, slaughter, butcher, hurt, stab, burn, behead, lynch, exterminate, eradicate,
  wipe, rid, execute, executed, torture, bomb, nuke, rape, beat up, die, rot, suffer, put down, eliminated, maar, mar, maro,
  maaro, khatam, mita, jala, kaat, goli, drown, dead, bleed, pay with`);

/**
 * Speed gates (REGEX `requires`): a word every match of the pattern contains, found by the shared
 * term automaton, so each pattern only runs on the comments that could match it.
 */
export const GATES = {
  killingCall: words(`shot, hanged, hung, killed, lynched, burnt, burned, beheaded, stoned, death, thrown`),
  groupViolence: [
    ...firstWords(VIOLENT_PARTICIPLES), ...THREAT_GATE, ...words(`nuke, nukes, carpet, exterminate, annihilate, obliterate, ethnically, wipe,
    flatten, raze, bomb, bombs, nuclear, atom, atomic, glass, dust, ashes, rubble, parking lot, graveyard, crater,
    earth, map, kill, death, maar, mar, maro, maaro, khatam, mita, mitaa, ura, uda, jala, jalaa, kaat, saaf, tabah, barbaad,
    nest, nestonabood, goli`),
  ],
  expulsion: words(`send, kick, throw, drive, chase, deport, ship, pack, go back, get back, move back, migrate back, shift back,
    run back, fuck off, piss off, get lost, get out, go to, leave to, migrate to, shift to, move to,
    chale, chalay, jao, jaao, jaen, bhej*, bhagao, bhaga, chala, chali, nikal`),
  legitimacyDenial: words(`is not, is never, is no, was not, was never, was no, no such, no right, exist, existed, created, murdabad,
    murdabaad, murda, tukde, tukre, broken, break up, split, divided, dismembered, disintegrate, disintegrated, balkanized,
    balkanised, erased, wiped, removed, eliminated, vanish, disappear, perish`),
  generalization: [...HATE_GATE, ...PEOPLE_PREDICATES, ...NATION_PREDICATES.filter((phrase) => !phrase.includes("\\")), "worshippers",
    ...words(`of terror*, of global terror*, of world terror*, of international terror*, of all terror*, of jihad*`)],
  dehumanizingPhrase: [
    ...DEHUMANIZING_NOUNS, ...GROUP_INSULT_ADJECTIVES, ...TAUNT_PLURALS,
    ...words(`religion, islam, hinduism, sikhism, christianity, deen, dharm, dharma, mazhab, cult, prophet`),
  ],
  sweepingConduct: [...["you", "u", "all you"].flatMap((you) => NAMED_PEOPLES.map((people) => `${you} ${people}`)), ...words(`blame, lie, lies, cry, cries, crying,
    whine, whining, beg, begging, cheat, cheating, steal, stealing, copy, complain, abuse, backstab, loot, victim, excuses,
    conspiracy, away, behind, typical, trust, leave it, leave to`)],
  typicalTaunt: ["typical"],
  goToTaunt: words(`go, get lost, run, migrate, move, shift`),
  // Not the group words ('women' is everywhere): every match also holds a predicate, a hate word or a threat.
  identityDerogation: [...HATE_GATE, ...PEOPLE_PREDICATES, ...THREAT_GATE, ...firstWords(VIOLENT_PARTICIPLES)],
  groupInsult: GROUP_INSULT_NOUNS,
};
