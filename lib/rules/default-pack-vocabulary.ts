// Word lists the default pack's REGEX patterns are built from (default-pack-patterns.ts): groups,
// predicates, qualifiers and verbs, in English and romanized Urdu/Hindi. Plain words and phrases,
// matched on normalized text, so a reviewer can read what each pattern is about.

export const words = (list: string): string[] => list.split(/[,\n]/).map((term) => term.trim()).filter(Boolean);
export const alt = (list: readonly string[]): string => `(?:${list.join("|")})`;

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
export const POINTED_PEOPLES = words(`
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
  insaan nahi, insan nahi, waste of space, a waste of space, a waste of oxygen, lesser beings, less than human,
  repulsive, despicable, sickening, revolting, vile, loathsome, contemptible, abhorrent, detestable, pests, a pest, a blight,
  the scum of the earth, scum of the earth
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
export const WHOLE_PEOPLE = words(`
  the whole nation, the entire nation, whole nation, the whole country, the entire country, the whole race,
  the whole community, the entire community, the whole qaum, poori qaum, puri qaum, saari qaum, sari qaum,
  every single one of them, every one of them, all of them
`);

/** Words between a people and its predicate: 'are ALL terrorists', 'are NOTHING BUT animals'. */
export const QUALIFIERS = words(`
  all, always, only, just, nothing but, basically, simply, such, truly, really, still, born, bloody, damn,
  a bunch of, bunch of, a nation of, a pack of, a herd of, a race of, like, the biggest, the worst, the real,
  worse than, no better than, sab, sab ke sab, bilkul, sirf, hi, a, an, the, of, same,
  absolutely, so, just so, totally, utterly, completely, extremely, very, nothing more than
`);

export const COPULAS = words(`are, r, were, remain, have always been, will always be, will never be anything but, hain, hai, ho`);

/** A state, country or religion condemned as a whole. */
export const NATION_PREDICATES = words(`
  terrorist state, terror state, terrorist nation, terrorist country, terror nation, terror factory,
  beggar nation, beggar country, bhikari desh, bhikari mulk, failed nation, failed state, fake country, fake nation, fake state,
  artificial country, illegitimate country, illegitimate state, rapist nation, rape country, rape capital,
  shithole, shit hole, hellhole, hell hole, toilet, dump, cancer, a cancer, disease, curse, virus, plague,
  nation of \\w+ worshippers, cult, death cult, religion of terror, religion of hate, religion of violence,
  religion of the sword, terrorist religion, religion of pedophiles, religion of paedophiles
`);

/** 'mother of terrorism', 'epicentre of terror': a state named as terrorism's source. */
export const TERROR_SOURCES = words(`
  mother, mastermind\\w*, epicent\\w+, hub, nursery, factory, breeding ground, exporter, sponsor, home,
  cradle, safe haven, fountainhead, headquarters, hq, birthplace
`);

/** Dehumanizing nouns that, right after a people word, turn it into an insult ('paki dogs'). */
export const DEHUMANIZING_NOUNS = words(`
  animals, beasts, rats, pigs, swine, dogs, snakes, monkeys, apes, cockroaches, vermin, parasites, leeches,
  insects, termites, locusts, savages, barbarians, subhumans, scum, filth, kutte, kuttay, suar, janwar, jaanwar
`);

/** Insulting adjectives that, right before a people or state, make it an attack ('ugly India'). */
export const GROUP_INSULT_ADJECTIVES = words(`
  filthy, dirty, stinking, stinky, smelly, bloody, damn, damned, stupid, dumb, ugly, cowardly, uncivilized,
  uncivilised, barbaric, backward, shameless, wretched, treacherous, illiterate, jahil, jaahil, gandi, gande,
  ganda, kamine, kameene, napak, na pak, cursed, bastard, pathetic, rotten, bhikari, bhikhari, beggar, beggarly,
  terrorist, jihadi, evil, disgusting, idiot, moron, kangal, kangaal, naapak
`);

/** What a group word next to an insulting adjective must be: a people, a state, or 'the enemy'. */
export const INSULTABLE_GROUPS = [...PEOPLES, ...NATIONS, "enemies", "enemy", "qaum", "nation", "race"];

/** Nouns for a people's whole country or kind: 'nation of beggars', 'race of cowards'. */
export const COLLECTIVES = words(`nation, country, state, land, race, mulk, qaum, desh, breed`);

/** Plural nouns a 'nation of …' taunt ends in. */
export const TAUNT_PLURALS = words(`
  beggars, bhikaris, bhikhari, terrorists, rapists, thieves, liars, cowards, traitors, idiots, morons, fools,
  cheats, cheaters, savages, barbarians, animals, rats, snake charmers, cow worshippers, cow piss drinkers,
  urine drinkers, illiterates, jihadis, fanatics, losers, backstabbers, scammers, slaves, nutters, bigots,
  extremists, savages, kangals, bhookay, bhooke
`);

export const VIOLENT_PARTICIPLES = words(`
  wiped out, wiped off, nuked, exterminated, eradicated, annihilated, eliminated, killed, shot, hanged, hung,
  burnt, burned, bombed, gassed, slaughtered, butchered, destroyed, erased, obliterated, finished off,
  massacred, lynched, thrown out, kicked out, driven out, deported, expelled, sent back, thrown into the sea,
  thrown in the sea, sent to pakistan, sent to bangladesh
`);

export const MODALS = words(`
  should, must, need to, needs to, ought to, deserve to, deserves to, have to, has to, shall, will, better,
  should all, must all, all need to, deserve to all
`);

/** Who a violent call is aimed at when it is a group ('they' is too vague to hold on). */
export const GROUP_TARGETS = [...NAMED_PEOPLES, ...NATIONS];

const REPORTERS = "(?:he|she|they|speaker|man|woman|minister|leader|politician|mob|crowd|someone|somebody|anyone|people|who|which|that)";
const REPORTING_VERBS = "(?:said|says|wrote|writes|shouted|shouts|shouting|chanted|chanting|tweeted|posted|called|calls|call|calling|claimed|claims)";
const DENIALS = "not|never|nobody|no one|wrong|false|myth|stereotyp\\w*|stop saying|isn t|aren t|untrue|racist to|unfair to|who says|how can you say|nahi|nahin|galat";
const QUOTED = "(?:things|stuff|statements?|comments?|messages?|remarks?|posts?|tweets?|words|phrases?|slogans?|lines?) like";
/** Romanized Hindi/Urdu reporting: 'jo kehte hain ki …', 'usne kaha …'. */
const HINDI_REPORTS = "(?:kehte|kehta|kehti|kahte|kahta|kahti|bolte|bolta|bolti|likhte|likhta|likhti)(?: hai| ho| hain| hu| hun)? ki|(?:usne|unhone|inhone|isne|kisi ne) (?:kaha|bola|likha)";
const REPORTS = `${REPORTERS} ${REPORTING_VERBS}|${HINDI_REPORTS}|(?:you|u|who|for|by|when|if|anyone|people) (?:say|saying|write|writing|post|posting|tweet|tweeting)|${QUOTED}|saying|calling|shouting|chanting|threatening to|threats to|chants?|slogans?|posters?|banners?|placards?`;

/**
 * Negation, reported speech and counter-speech just before a match: 'not all …', 'it is wrong to say
 * …', 'he said …', 'calling … is disgusting', 'the chant …'. A speaker's own 'I said …' stays
 * hostile: only a third party reports ('I call them rats' is still caught).
 */
export const NEGATION_BEFORE = `\\b(?:${DENIALS}|don t|dont|doesn t|${REPORTS})\\b`;

/** The same for a poverty taunt, whose lack is the taunt itself ('they don't even have toilets'). */
export const NEGATION_BEFORE_TAUNT = `\\b(?:${DENIALS}|${REPORTS})\\b`;

/** What is done to a group, in the passive ('being blamed', 'getting shot'): counter-speech follows a feeling about it. */
const BEFALLEN = `blamed|denied|refused|rejected|attacked|killed|murdered|slaughtered|massacred|lynched|shot|bombed|beaten|tortured|raped|hurt|harmed|targeted|treated|mistreated|ill treated|abused|harassed|bullied|threatened|insulted|mocked|ridiculed|humiliated|hated|feared|judged|oppressed|persecuted|discriminated|demoni[sz]ed|dehumani[sz]ed|vilified|scapegoated|stereotyped|profiled|suspected|accused|labell?ed|branded|called|painted|portrayed|smeared|deported|detained|arrested|jailed|evicted|displaced|expelled|kicked out|thrown out|turned away|singled out|picked on|looked down on|left out|left behind|sidelined|marginali[sz]ed|excluded|ignored|silenced|exploited|cheated|robbed|used|punished|starved|hunted|hounded|dragged`;

/**
 * Read just after a match of a feeling or a wish about a group: what befalls the group ('sick of X
 * being blamed for every attack', 'I hate X getting attacked') or a wish for less harm ('I hope X
 * will suffer less'). The group is then the one wronged, not the one scorned: counter-speech.
 */
export const BEFALLEN_AFTER = `^(?:(?:(?:being|getting|always being|always getting|still being|still getting) (?:[a-z]+ly )?(?:${BEFALLEN})|(?:dying|suffering|starving|paying the price))\\b|(?:less|any less|a little less|much less|no more|no longer)\\b)`;

/**
 * A name reported or countered just before a term, not called: 'calling him pappu does not win
 * arguments', 'they called her kamini'. As for the group rules, a speaker's own 'I call him …' stays.
 * Read up to the term: the name-calling verb, whom ('him', 'the finance minister'), an article.
 */
export const NAME_CALLING_BEFORE = `\\b(?:calling|(?:he|she|they|who|people|someone|anyone|that|you|u) (?:call|calls|called)|(?:is|are|was|were|been|being|get|gets|got) called|nicknamed|nicknaming) (?:[a-z]+ |(?:the|this|that|our|your|their|his|her) [a-z]+ (?:[a-z]+ )?)?(?:a |an |the )?$`;
