// REGEX patterns of the default pack, for hostility that lives in how words combine, not in any one
// word: "<a people> are all <animals>", "nation of beggars", "<a state> is not a country",
// "<they> should be wiped out". They run over NORMALIZED text (lowercase words, single spaces, no
// punctuation, evasions undone), never across a sentence end, and each names its groups and
// predicates from the lists below so a reviewer can read what it catches. Romanized Urdu/Hindi
// forms sit beside the English ones.

const words = (list: string): string[] => list.split(/[,\n]/).map((term) => term.trim()).filter(Boolean);
const alt = (list: readonly string[]): string => `(?:${list.join("|")})`;

/** Peoples, nationalities and believers as a plural (or collective) noun. */
export const NAMED_PEOPLES = words(`
  indians, pakistanis, pakis, paks, hindus, muslims, musalmans, mussalmans, muslmans, mohammedans, sikhs,
  christians, jews, afghans, afghanis, bangladeshis, bengalis, bangalis, americans, yankees, chinese, arabs,
  iranians, turks, kashmiris, punjabis, sindhis, pashtuns, pathans, balochis, biharis, mohajirs, muhajirs,
  nepalis, tamils, sri lankans, israelis, zionists, brits, westerners, goras, hindustanis, bharatis, bhartis,
  mullahs, maulvis, brahmins, kafirs, rohingyas, immigrants, migrants, refugees,
  hindu log, muslim log, pakistani log, indian log, musalman, musalmano, musalmanon, hinduo, hinduon, sikho, sikhon,
  isai, isaiyon, yahudi, yahudiyon
`);

/** A group pointed at rather than named: a generalization, too vague to hold a violent call on. */
const POINTED_PEOPLES = words(`
  these people, those people, such people, your people, you people, their people, this lot, your lot,
  ye log, yeh log, in logon, un logon, tum log, inn logon
`);

export const PEOPLES = [...NAMED_PEOPLES, ...POINTED_PEOPLES];

/** Adjective forms, used before a noun ('indian rats', 'hindu pigs'). */
export const DEMONYMS = words(`
  indian, pakistani, paki, hindu, muslim, sikh, christian, jewish, afghan, bangladeshi, bengali, american,
  chinese, arab, iranian, kashmiri, punjabi, pashtun, pathan, baloch, bihari, nepali, tamil, israeli,
  british, hindustani, bharati, bharti
`);

/** States, countries and religions as a whole. */
export const NATIONS = words(`
  india, pakistan, bangladesh, afghanistan, china, america, usa, israel, iran, bharat, hindustan, pak, nepal,
  sri lanka, britain, saudi arabia, saudia, islam, hinduism, sikhism, christianity, judaism,
  your country, your nation, this country, that country, their country, your mulk, tumhara mulk,
  tumhara desh, tera desh, tera mulk
`);

/** What a whole people is called when it is dehumanized or condemned wholesale. */
export const PEOPLE_PREDICATES = words(`
  animals, beasts, rats, pigs, swine, dogs, snakes, monkeys, apes, cockroaches, vermin, parasites, leeches,
  insects, termites, locusts, cattle, creatures, savages, barbarians, subhumans, sub humans, subhuman, scum,
  trash, garbage, filth, cancer, a cancer, a disease, a plague, a virus, a curse, a menace, a burden,
  jaanwar, janwar, kutte, kuttay, suar, keede, keeday,
  terrorists, terrorist, jihadis, extremists, fanatics, murderers, killers, butchers, rapists, thieves, liars,
  cheats, cheaters, traitors, cowards, beggars, bhikari, bhikhari, bhikaris, bhikhari log, fools, idiots,
  morons, stupid, dumb, illiterate, jahil, jaahil, backward, primitive, uncivilized, uncivilised, barbaric,
  savage, filthy, dirty, smelly, stinky, stinking, disgusting, evil, violent, bloodthirsty, blood thirsty,
  inferior, untrustworthy, not to be trusted, treacherous, backstabbers, ungrateful, shameless, hypocrites,
  worthless, losers, cursed, brainwashed, not human, not humans, enemies of humanity, enemies of mankind,
  gaddar, gaddaar, ghaddar, namak haram, namakharam, kangal, kangaal, nutters, bigots, slaves,
  dirtiest, filthiest, stupidest, dumbest, most stupid, most disgusting, worst people, lowest of the low,
  gande, ganda, gandi, ghatiya, neech, kachra, bekar, bewakoof, pagal, bojh, bimari, kalank, haramkhor, haraami, harami,
  insaan nahi, insan nahi, waste of space, a waste of space, a waste of oxygen, lesser beings, less than human
`);

/**
 * Groups protected in abuse law and in the HateCheck suites, beyond peoples and religions: women,
 * gay and trans people, Black people, disabled people, lower castes, North-East Indians; English
 * and romanized Hindi/Urdu. Hostility to them is abusive (the guideline's insults at a group).
 */
export const IDENTITY_GROUPS = words(`
  women, girls, females, gays, gay people, gay men, lesbians, homosexuals, trans people, transgender people,
  transgenders, trans women, trans men, black people, blacks, black men, black women, disabled people,
  the disabled, handicapped people, dalits, lower castes, lower caste people, north easterners,
  north east indians, northeast indians,
  aurat, aurate, auraten, auraton, aurato, aurton, aurtein, aurtain, mahilayen, mahilaon, ladkiyan, ladkiyon,
  gay log, gay logon, samlaingik, samlaingikon, kinnar, kinnaron, transgender log, transgender logon,
  kaale log, kale log, kaale logon, kale logon, viklang, viklango, viklangon, apahij, dalit, dalit log, dalito,
  daliton, neechi jaat, nichli jaati, north east wale, north east walo, north east walon, negro, negroes, negros,
  shudra, shudro, shudron, assamese, gay, gays, hijra, hijre, hijro, hijron, hijri, mahila, mahilao, auratein
`);

/** A people named through its whole: 'the whole nation is …', 'poori qaum …'. */
const WHOLE_PEOPLE = words(`
  the whole nation, the entire nation, whole nation, the whole country, the entire country, the whole race,
  the whole community, the entire community, the whole qaum, poori qaum, puri qaum, saari qaum, sari qaum,
  every single one of them, every one of them, all of them
`);

/** Words between a people and its predicate: 'are ALL terrorists', 'are NOTHING BUT animals'. */
const QUALIFIERS = words(`
  all, always, only, just, nothing but, basically, simply, such, truly, really, still, born, bloody, damn,
  a bunch of, bunch of, a nation of, a pack of, a herd of, a race of, like, the biggest, the worst, the real,
  worse than, no better than, sab, sab ke sab, bilkul, sirf, hi, a, an, the, of, same
`);

const COPULAS = words(`are, r, were, remain, have always been, will always be, will never be anything but, hain, hai, ho`);

/** A state, country or religion condemned as a whole. */
const NATION_PREDICATES = words(`
  terrorist state, terror state, terrorist nation, terrorist country, terror nation, terror factory,
  beggar nation, beggar country, bhikari desh, bhikari mulk, failed nation, fake country, fake nation,
  artificial country, illegitimate country, illegitimate state, rapist nation, rape country, rape capital,
  shithole, shit hole, hellhole, hell hole, toilet, dump, cancer, a cancer, disease, curse, virus, plague,
  nation of \\w+ worshippers, cult, death cult, religion of terror, religion of hate, religion of violence,
  religion of the sword, terrorist religion, religion of pedophiles, religion of paedophiles
`);

/** 'mother of terrorism', 'epicentre of terror': a state named as terrorism's source. */
const TERROR_SOURCES = words(`
  mother, mastermind\\w*, epicent\\w+, hub, nursery, factory, breeding ground, exporter, sponsor, home,
  cradle, safe haven, fountainhead, headquarters, hq, birthplace
`);

/** Dehumanizing nouns that, right after a people word, turn it into an insult ('paki dogs'). */
const DEHUMANIZING_NOUNS = words(`
  animals, beasts, rats, pigs, swine, dogs, snakes, monkeys, apes, cockroaches, vermin, parasites, leeches,
  insects, termites, locusts, savages, barbarians, subhumans, scum, filth, kutte, kuttay, suar, janwar, jaanwar
`);

/** Insulting adjectives that, right before a people or state, make it an attack ('ugly India'). */
const GROUP_INSULT_ADJECTIVES = words(`
  filthy, dirty, stinking, stinky, smelly, bloody, damn, damned, stupid, dumb, ugly, cowardly, uncivilized,
  uncivilised, barbaric, backward, shameless, wretched, treacherous, illiterate, jahil, jaahil, gandi, gande,
  ganda, kamine, kameene, napak, na pak, cursed, bastard, pathetic, rotten, bhikari, bhikhari, beggar, beggarly,
  terrorist, jihadi, evil, disgusting, idiot, moron, kangal, kangaal, naapak
`);

/** What a group word next to an insulting adjective must be: a people, a state, or 'the enemy'. */
const INSULTABLE_GROUPS = [...PEOPLES, ...NATIONS, "enemies", "enemy", "qaum", "nation", "race"];

/** Nouns for a people's whole country or kind: 'nation of beggars', 'race of cowards'. */
const COLLECTIVES = words(`nation, country, state, land, race, mulk, qaum, desh, breed`);

/** Plural nouns a 'nation of …' taunt ends in. */
const TAUNT_PLURALS = words(`
  beggars, bhikaris, bhikhari, terrorists, rapists, thieves, liars, cowards, traitors, idiots, morons, fools,
  cheats, cheaters, savages, barbarians, animals, rats, snake charmers, cow worshippers, cow piss drinkers,
  urine drinkers, illiterates, jihadis, fanatics, losers, backstabbers, scammers, slaves, nutters, bigots,
  extremists, savages, kangals, bhookay, bhooke
`);

const VIOLENT_PARTICIPLES = words(`
  wiped out, wiped off, nuked, exterminated, eradicated, annihilated, eliminated, killed, shot, hanged, hung,
  burnt, burned, bombed, gassed, slaughtered, butchered, destroyed, erased, obliterated, finished off,
  massacred, lynched, thrown out, kicked out, driven out, deported, expelled, sent back, thrown into the sea,
  thrown in the sea, sent to pakistan, sent to bangladesh
`);

const MODALS = words(`
  should, must, need to, needs to, ought to, deserve to, deserves to, have to, has to, shall, will, better,
  should all, must all, all need to, deserve to all
`);

/** Who a violent call is aimed at when it is a group ('they' is too vague to hold on). */
const GROUP_TARGETS = [...NAMED_PEOPLES, ...NATIONS];

/** Negation and reported speech just before a match: 'not all …', 'it is wrong to say …'. */
export const NEGATION_BEFORE =
  "\\b(?:not|never|nobody|no one|wrong|false|myth|stereotyp\\w*|stop saying|don t|dont|doesn t|isn t|aren t|untrue|racist to|unfair to|who says|how can you say|nahi|nahin|galat)\\b";

/** '<people> are (all) <predicate>' and '<state> is (a) <predicate>'. */
export function generalizationPattern(): string {
  // A participle may describe the predicate ('stone pelting rats'); a bare extra word may not ('are not rats').
  const participle = "(?:(?: [a-z]+)? [a-z]+(?:ing|ed))?";
  const subject = alt([...PEOPLES, ...WHOLE_PEOPLE]);
  const people = `${subject} (?:${alt(COPULAS)}|is|was)(?: ${alt(QUALIFIERS)})*${participle} ${alt(PEOPLE_PREDICATES)}`;
  const all = `(?:all|every|most) ${alt(PEOPLES)} ${alt(PEOPLE_PREDICATES)}`;
  // Urdu/Hindi put the predicate before the copula: 'ye log ... hain'.
  const urdu = `${alt(PEOPLES)}(?: ${alt(QUALIFIERS)})* ${alt(PEOPLE_PREDICATES)} (?:hain|hai|ho|hote hain|hi hain)`;
  const nation = `${alt(NATIONS)} (?:is|was|remains|has become|will always be|hai|ek)(?: ${alt(QUALIFIERS)})* ${alt(NATION_PREDICATES)}`;
  const source = `${alt([...NATIONS, ...PEOPLES])}(?: ${alt(["is", "are", "the", "da", "a", "an", "biggest", "real", "world s", "worlds", "global", "true"])})* ${alt(TERROR_SOURCES)} of (?:all |global |world |international )?(?:terror\\w*|jihad\\w*)`;
  return `\\b(?:${people}|${all}|${urdu}|${nation}|${source}|${hatePhrases([...PEOPLES, ...NATIONS])})\\b`;
}

const HATE_VERBS = "(?:hate|despise|detest|loathe|can t stand|cannot stand|can t tolerate)";
const HATE_ADVERBS = "(?: really| absolutely| just| fucking| truly| so| totally| honestly)*";

/** 'I hate <group>', 'mujhe <group> se nafrat hai'. */
function hatePhrases(groups: readonly string[]): string {
  const target = alt(groups);
  const disgust = `${target} (?:disgust|sicken|repulse) me|${target} make me (?:sick|want to (?:puke|vomit|throw up))|(?:world|we|society|this country) (?:would be|is|are) better (?:off )?without ${target}`;
  return `(?:i|we|i m sure i|everyone should)${HATE_ADVERBS} ${HATE_VERBS} (?:all |the |those |these |every )?${target}|(?:mujhe|mujhko|hamein|humein|hume|main|mai|hum) ${target} se (?:bahut |sakht )?(?:nafrat|ghin|ghrina)|${target} se (?:mujhe |hamein |humein |hume )?(?:bahut |sakht )?(?:nafrat|ghin|ghrina)|${disgust}`;
}

const KILL_VERBS = "(?:kill|murder|shoot|hang|slaughter|butcher|hurt|stab|burn|behead|lynch|exterminate|eradicate|wipe out|get rid of|execute|torture|gas|bomb|nuke|rape|beat up)";

/** 'I will kill all <group>', '<group> should all die', '<group> ko maar dena chahiye'. */
function threatPhrases(groups: readonly string[]): string {
  const target = alt(groups);
  const will = `(?:i|we) (?:will|ll|am going to|m going to|want to|wanna|would love to|d love to|gonna|are going to|re going to|should|must|need to|shall) ${KILL_VERBS} (?:all |the |those |these |every |single |you |of )*(?:fucking |damn |bloody )?${target}`;
  const die = `${target} (?:should|must|deserve to|deserves to|need to|ought to|have to) (?:all )?(?:die|burn|rot|suffer|be executed|be put down|be eliminated|be got rid of)`;
  const all = `${KILL_VERBS} (?:all|every) ${target}`;
  const hinglish = `(?:saare |saari |sabhi |sab )?${target}(?: ko| ka)? (?:zinda )?(?:maar|mar|maro|maaro|khatam|mita|jala|kaat|goli maar|goli maaro|goli mar)(?: kar)? (?:do|dalo|daalo|dena|denge|dunga|dungi|daalunga|dalunga|daalenge|dena chahiye|dene chahiye|diya jana chahiye|dalna chahiye|daalna chahiye)`;
  return `${will}|${die}|${all}|${hinglish}`;
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
  const religion = `(?:terrorist|terror|violent|evil|barbaric|satanic|demonic|filthy|bloodthirsty|desert|pedo|paedo|stupid|disgusting) (?:religion|islam|hinduism|sikhism|christianity|deen|dharm|dharma|mazhab|cult|prophet)`;
  return `\\b(?:${noun}|${adjective}|${nationOf}|${religion})\\b`;
}

/** A state or people denied the right to exist. */
export function legitimacyDenialPattern(): string {
  const state = alt(NATIONS);
  // 'India is not a country that forgets' is no denial: a bare 'not a country' must end the text or
  // turn ('… not a country, it is a …'); a qualified one ('not a real country') stands alone.
  const turn = "(?:$| but| it s| its| it is| just| only| merely| at all| anymore| period| full stop| lol| rather| and never)";
  const notCountry = `${state} (?:is|was) (?:not|never|no) (?:even )?(?:a |an )?(?:(?:real|proper|true|actual|legitimate) (?:country|nation|state)|(?:country|nation|state)${turn})`;
  const noSuch = `no such (?:country|nation|place|thing) as ${state}`;
  const shouldBreak = `${state} (?:should|must|will|needs to|deserves to|ought to|has to|shall) (?:be )?(?:broken|broken up|break up|split|divided|dismembered|disintegrate|disintegrated|balkanized|balkanised|erased|wiped|removed|eliminated|cease to exist|not exist|never have existed|never have been created|vanish|disappear|perish)`;
  const noRight = `${state} (?:has|have) no right to exist`;
  const slogans = `${alt([...NATIONS, ...PEOPLES])} (?:murdabad|murdabaad|murda bad|ke tukde|ke tukre|tere tukde|tere tukre)`;
  return `\\b(?:${notCountry}|${noSuch}|${shouldBreak}|${noRight}|${slogans})\\b`;
}

/** 'should be hanged/shot/killed' whoever it is about: a threat, abusive even about one person. */
export function killingCallPattern(): string {
  return "\\b(?:should|must|deserve to|deserves to|needs to|need to|ought to|will) be (?:shot|hanged|hung|killed|lynched|burnt alive|burned alive|beheaded|stoned to death|put to death|shot dead|publicly hanged|hanged publicly|hanged in public|thrown to dogs)\\b";
}

/** Calls for war, killing or destruction of a people or state: held for a moderator. */
export function groupViolencePattern(): string {
  const targets = alt(GROUP_TARGETS);
  const should = `${targets} (?:all )?${alt(MODALS)} (?:all )?be ${alt(VIOLENT_PARTICIPLES)}`;
  const nuke = `(?:nuke|carpet bomb|exterminate|annihilate|obliterate|ethnically cleanse|gas) (?:them|all of them|${targets})`;
  const wipe = `wipe (?:them|${targets}) (?:out|off)|wipe (?:out|off) (?:all )?${targets}|off the face of the earth|off the map`;
  const killAll = `kill (?:them all|all of them|every one of them|all (?:the |those |these )?${alt(PEOPLES)}|all ${alt(DEMONYMS)}s?)`;
  const deathTo = `death to (?:all )?${targets}`;
  const urdu = `${alt([...PEOPLES, ...NATIONS, "in", "inko", "unko", "inhe", "inhein", "unhe", "unhein", "in sab", "sabko", "saalon", "salon", "saalo", "gaddaron", "gaddaro"])}(?: ko| ka)? (?:maar|mar|maro|maaro|khatam|mita|mitaa|ura|uda|jala|jalaa|kaat|saaf|tabah|barbaad|nest o nabood|nestonabood|goli maar|goli maaro|goli maro) (?:do|dalo|daalo|dena|kar do|kardo|karo|denge|dengey|doh)`;
  const goli = `(?:${alt(PEOPLES)}|saalon|salon|saalo|gaddaron|gaddaro|gaddaaron) ko goli (?:maaro|maro|mar do|maar do|mardo)`;
  return `\\b(?:${should}|${nuke}|${wipe}|${killAll}|${deathTo}|${urdu}|${goli}|${threatPhrases(GROUP_TARGETS)})\\b`;
}

/** 'send them back', 'go back to Pakistan', 'pakistan chale jao': expulsion of a group. */
export function expulsionPattern(): string {
  const places = alt([...words(`pakistan, bangladesh, afghanistan, india, hindustan, arabia, saudi arabia, saudi, the desert, where they came from, where you came from, your country, your own country, their country, their own country, your mulk`)]);
  const send = `(?:send|kick|throw|drive|chase|deport|ship|pack) (?:them|all of them|${alt(PEOPLES)}) (?:all )?(?:back|out) to ${places}|send (?:them|all of them|${alt(PEOPLES)}) back`;
  const goBack = `(?:go|get|move|migrate|shift|run|fuck off|piss off) back to ${places}|(?:fuck off|piss off|get lost|get out) to ${places}`;
  const should = `${alt(PEOPLES)} (?:should|must|better|can|may) (?:all )?(?:go|leave|migrate|shift|move)(?: back)? to ${places}`;
  const urdu = `(?:pakistan|bangladesh|afghanistan|hindustan|arab|saudi) (?:chale jao|chale jaao|chalay jao|chale jaen|jao|bhej do|bhejo|bhejdo|bhej dena|bhagao|bhaga do|chala ja|chali jao|nikal jao)`;
  return `\\b(?:${send}|${goBack}|${should}|${urdu})\\b`;
}

/** '<people> always blame/lie/beg…': a whole people's conduct condemned in one sweep. */
export function sweepingConductPattern(): string {
  const verbs = words(`blame, lie, lies, cry, cries, crying, whine, whining, beg, begging, cheat, cheating, steal, stealing, copy, complain, abuse, backstab, loot, play the victim, make excuses, find a conspiracy, find excuses, run away, hide behind`);
  const people = `${alt(PEOPLES)} (?:always|never stop|all|will always|only know how to) ${alt(verbs)}`;
  const typical = `typical ${alt(DEMONYMS)}s? (?:mentality|mindset|behaviour|behavior|attitude|logic|thinking|hypocrisy|propaganda)|(?:trust|leave it to) (?:an?|the) ${alt(DEMONYMS)}s? to`;
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

/** Insults for people pointed at as a bunch ('these creatures', 'shameless creatures'): abusive. */
export function groupInsultPattern(): string {
  const pointers = "(?:these|those|such|you|u|bloody|shameless|filthy|disgusting|evil|vile|brainless|wretched|dirty|khaki)";
  return `\\b${pointers} ${alt(GROUP_INSULT_NOUNS)}\\b`;
}

const firstWords = (phrases: readonly string[]) => phrases.map((phrase) => phrase.split(" ")[0]!);

/** Words one of which every threat phrase contains. */
const THREAT_GATE = words(`kill, murder, shoot, hang, slaughter, butcher, hurt, stab, burn, behead, lynch, exterminate, eradicate,
  wipe, rid, execute, torture, gas, bomb, nuke, rape, beat, die, rot, suffer, executed, put, eliminated, got, maar, mar, maro,
  maaro, khatam, mita, jala, kaat, goli`);

/**
 * Speed gates (REGEX `requires`): a word every match of the pattern contains, found by the shared
 * term automaton, so each pattern only runs on the comments that could match it.
 */
export const GATES = {
  killingCall: words(`shot, hanged, hung, killed, lynched, burnt, burned, beheaded, stoned, death, thrown`),
  groupViolence: [
    ...firstWords(VIOLENT_PARTICIPLES), ...THREAT_GATE, ...words(`nuke, carpet, exterminate, annihilate, obliterate, ethnically, gas, wipe,
    earth, map, kill, death, maar, mar, maro, maaro, khatam, mita, mitaa, ura, uda, jala, jalaa, kaat, saaf, tabah, barbaad,
    nest, nestonabood, goli`),
  ],
  expulsion: words(`send, kick, throw, drive, chase, deport, ship, pack, go back, get back, move back, migrate back, shift back,
    run back, fuck off, piss off, get lost, get out, go to, leave to, migrate to, shift to, move to,
    chale, chalay, jao, jaao, jaen, bhej*, bhagao, bhaga, chala, chali, nikal`),
  legitimacyDenial: words(`is not, is never, is no, was not, was never, was no, no such, no right, exist, existed, created, murdabad,
    murdabaad, murda, tukde, tukre, broken, break up, split, divided, dismembered, disintegrate, disintegrated, balkanized,
    balkanised, erased, wiped, removed, eliminated, vanish, disappear, perish`),
  generalization: [...words(`hate, despise, detest, loathe, can t stand, cannot stand, can t tolerate, nafrat, ghin, ghrina,
    disgust, sicken, repulse, make me, without`), ...PEOPLE_PREDICATES, ...NATION_PREDICATES.filter((phrase) => !phrase.includes("\\")), "worshippers",
    ...words(`of terror*, of global terror*, of world terror*, of international terror*, of all terror*, of jihad*`)],
  dehumanizingPhrase: [
    ...DEHUMANIZING_NOUNS, ...GROUP_INSULT_ADJECTIVES, ...TAUNT_PLURALS,
    ...words(`religion, islam, hinduism, sikhism, christianity, deen, dharm, dharma, mazhab, cult, prophet`),
  ],
  sweepingConduct: [...["you", "u", "all you"].flatMap((you) => NAMED_PEOPLES.map((people) => `${you} ${people}`)), ...words(`blame, lie, lies, cry, cries, crying,
    whine, whining, beg, begging, cheat, cheating, steal, stealing, copy, complain, abuse, backstab, loot, victim, excuses,
    conspiracy, away, behind, typical, trust, leave it`)],
  typicalTaunt: ["typical"],
  identityDerogation: [...IDENTITY_GROUPS, "gay*", "trans*", "black*", "disabled", "north*", "aurat*", "ladki*", "dalit*", "viklang*", "kinnar*"],
  groupInsult: GROUP_INSULT_NOUNS,
};
