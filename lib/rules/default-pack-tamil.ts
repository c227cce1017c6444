// Tamil rules match the ORIGINAL text: normalization drops vowel signs and makes distinct Tamil words
// collide. Tamil is agglutinative, so a word carries its case, plural and colloquial endings
// ('சங்கிகளை', 'சங்கிங்க', 'முட்டாள்டா'): stems match at the start of a word and the endings are spelled
// out here. Written from general Tamil vocabulary, not from any thread's phrases (docs/rules.md, "Tamil").

const words = (list: string): string[] => list.split(/[,\n]/).map((term) => term.trim()).filter(Boolean);

/** Not a Tamil letter or sign: RE2's \b only knows ASCII letters. */
const EDGE = "(?:^|[^\\p{Tamil}])";
/** One word gap inside a sentence: a run of non-Tamil characters that ends no sentence. */
const GAP = "[^\\p{Tamil}.!?\\n]+";

/**
 * What may follow a stem marked with a trailing '|' before the word ends: the plural ('சங்கிகள்'), the
 * colloquial plural only as a whole ending ('சங்கிங்க', not 'பக்கிங்காம்' Buckingham), a romanized
 * plural ('சங்கிஸ்'), the vocative '-டா', the case endings after the glide ('-யை', '-யா', '-யின்') and
 * the dative as a whole ending ('நரிக்கு', not 'நரிக்குறவர்' a community); never another letter, so 'சங்கி'
 * is not 'சங்கிலி' (a chain).
 */
const WORD_END = `(?:கள|ங்க(?:ள|[^\\p{Tamil}]|$)|ஸ்|டா|ய[ைாேிுோ]|க்கு(?:ம்)?(?:[^\\p{Tamil}]|$)|[^\\p{Tamil}]|$)`;

/** 'ன' and 'ண' are confused in everyday writing ('மூர்க்கணை' for 'மூர்க்கனை'): either spells the other. */
const spelledEitherWay = (stem: string) => stem.replace(/[னண]/g, "[னண]");
const otherSpelling = (stem: string) => stem.replace(/[னண]/g, (letter) => (letter === "ன" ? "ண" : "ன"));

/**
 * A stem ending in a bare consonant (virama) also matches it inflected: Tamil case endings replace
 * the virama with a vowel sign ('முட்டாள்' fool, 'முட்டாளாக' as a fool, 'மடையனே' you fool).
 */
const inflected = (stem: string) => (stem.endsWith("\u0BCD") ? `${stem.slice(0, -1)}[\u0BBE-\u0BCD]` : stem);

/** A REGEX alternation of Tamil stems, each at the start of a word; a trailing '|' marks a whole word. */
export const tamilAlternation = (stems: readonly string[]) =>
  `${EDGE}(?:${stems.map((stem) => (stem.endsWith("|") ? `${spelledEitherWay(stem.slice(0, -1))}${WORD_END}` : spelledEitherWay(inflected(stem)))).join("|")})`;

/** Gate terms: every stem in both spellings (normalization blurs vowel signs, not consonants). */
const gateOf = (stems: readonly string[]) =>
  [...new Set(stems.flatMap((stem) => { const bare = stem.replace(/\|$/, ""); return [`${bare}*`, `${otherSpelling(bare)}*`]; }))];

/** Gated by the same stems as terms: normalization blurs them, but a blurred stem still has to be there. */
export const tamilRule = (stems: readonly string[]) => ({ pattern: tamilAlternation(stems), target: "original", requires: gateOf(stems) });

/** States and peoples the comment sections argue about, in Tamil: stems that take any ending. */
const GROUP_STEMS = words(`
  பாகிஸ்தான், பாக்கிஸ்தான், பாகிஸ்த்தான், சீனா, சீனர், வங்கதேச, பங்களாதேஷ், துருக்கி, ஆப்கான், இஸ்லாமிய, முஸ்லிம், முஸ்லீம்,
  கிறிஸ்தவ, கிறித்தவ, இந்துக்கள், ஹிந்துக்கள், இந்தியர், சிங்கள, வடநாட்ட
`);
/** Short forms that are a state only as a whole word ('சீன' Chinese, 'பாக்' Pak), not as a prefix. */
const GROUP_WORDS = words(`சீன, பாக், பாகி`);
/** Before a gap (which itself ends the word), and at the end of the match, where the word must end. */
const GROUP_ANY = `(?:${GROUP_STEMS.map(inflected).join("|")})\\p{Tamil}*`;
const GROUP_BEFORE = `(?:${GROUP_ANY}|${GROUP_WORDS.join("|")})`;
const GROUP_AFTER = `(?:${GROUP_ANY}|(?:${GROUP_WORDS.join("|")})(?:[^\\p{Tamil}]|$))`;

/**
 * Contempt nouns for a people or state: thieves, beggars and begging, cowards, foxes, wolves, snakes,
 * rats, dogs, a rogue state. Whole words where the stem is also a common word ('கோழைத்தனமான தாக்குதல்'
 * a cowardly attack is the condemnation news prints; 'எலிசபெத்', 'நரிக்குறவர்' a community).
 */
export const TAMIL_CONTEMPT = words(`
  திருடன், திருடர், திருட்டு நாடு, திருட்டு தேசம், கள்ளன், குள்ளக்கள்ளன், பிச்சைக்கார, பிச்சைகார, பிச்சை எடு, பிச்சையெடு, பிச்சை பாத்திர,
  கோழை|, கோழைகள், குள்ளநரி, குள்ள நரி, நரி|, நரிகள், ஓநாய், பாம்பு|, எலிகள், நாய்கள், ரவுடி நாடு, ரவுடி தேசம்
`);

/**
 * A people or state and a contempt noun at most four words apart in one sentence, either order:
 * 'பாகிஸ்தான் ஒரு கள்ளன்' (Pakistan is a thief, Tamil needs no copula), 'சீன திருடர்கள்' (Chinese
 * thieves). The group word alone never fires, nor a contempt noun alone.
 */
export function tamilContemptPattern(): string {
  const contempt = tamilAlternation(TAMIL_CONTEMPT);
  const within = `(?:${GAP}[\\p{Tamil}]+){0,3}${GAP}`;
  // After a whole-word contempt noun the separator may already be read: the first gap may be empty.
  const withinAfter = `[^\\p{Tamil}.!?\\n]*(?:[\\p{Tamil}]+${GAP}){0,3}`;
  return `${EDGE}${GROUP_BEFORE}${within}${contempt.slice(EDGE.length)}|${contempt}\\p{Tamil}*${withinAfter}${GROUP_AFTER}`;
}
export const TAMIL_CONTEMPT_GATE = gateOf(TAMIL_CONTEMPT);

/** Verbs of destruction and conquest, as the infinitive or participle a call is built on. */
const ATTACK_VERBS = words(`
  அழிக்க, அழித்து, ஒழிக்க, ஒழித்து, நசுக்க, நசுக்கி, நொறுக்க, நொறுக்கி, உடைக்க, உடைத்து, அடித்து, தாக்க, தாக்கி, புரட்டிப், புரட்டி,
  துவம்சம், துவம்ச, தரைமட்ட, கைப்பற்ற, இணைக்க, பாடம் புகட்ட, போர் தொடு
`);
/** A state, a people or 'the enemy' as the object: the accusative '-ஐ', also with '-யும்' (… as well). */
const ATTACK_OBJECTS = words(`
  பாகிஸ்தான, பாக்கிஸ்தான, சீனாவ, சீனர்கள, வங்கதேசத்த, பங்களாதேஷ, துருக்கிய, ஆப்கானிஸ்தான, எதிரிய, எதிரிகள, எதிரி நாட்ட
`);

/**
 * A call for war or conquest: a state or the enemy as the object, a verb of destruction or
 * annexation, and an obligation ('வேண்டும்' must, colloquial '-ணும்') in the same sentence:
 * 'சீனாவை நசுக்க வேண்டும்'. A report ('பாகிஸ்தான் தாக்கியது', Pakistan attacked) has no obligation;
 * a team that must crush its rival is sport and stands down ('அணி', 'போட்டி' before it).
 */
export function tamilAttackCallPattern(): string {
  // The accusative may take the sandhi consonant of the next word ('சீனாவைத் தாக்க'), then must end.
  const object = `(?:${ATTACK_OBJECTS.join("|")})ை(?:யும்)?(?:[கசதப]்)?[^\\p{Tamil}.!?\\n]`;
  const verb = `(?:${ATTACK_VERBS.map((verb) => verb.replace(/ /g, GAP)).join("|")})`;
  return `${EDGE}${object}(?:[^.!?\\n]{0,60}?[^\\p{Tamil}.!?\\n])?${verb}[^.!?\\n]{0,30}?(?:வேண்டும்|வேணும்|ணும்|னும்)`;
}
export const TAMIL_ATTACK_GATE = gateOf(ATTACK_VERBS);
/** Sport, read in the words before the object (vowel signs kept: unless-before.ts reads letters and marks). */
export const TAMIL_SPORT_BEFORE = "அணி|போட்டி|கிரிக்கெட்|மேட்ச்|ஆட்டத்தில்|இறுதிப்";

/**
 * Romanized Tamil ('Tanglish') abuse, matched on normalized text as TERMS: fool, idiot, scoundrel,
 * bastard, whore and the genital curses. Spellings that are words in English or romanized Urdu/Hindi
 * are left out ('naaye' is 'naye', new; 'otha'; 'naai').
 */
export const TANGLISH_INSULTS = words(`
  loosu, loosu payal*, muttal, muttaal, mutta payal*, muttapayal*, porukki, porukkis, thevidiya*, thevdiya*, thevudiya*, thevidiya paiya*,
  pundai, pundamavan*, punda mavan*, mayiru, mayir, koomuttai, koomutta, kena payal*, kenapayal*, pannadai, kazhisadai, thaayoli, thayoli,
  ommala, othamavan*, sombu thooki*, sangi payal*, sanghi payal*
`);
