// Words commenters disguise to slip past a filter, for the two disguises the normalizer cannot
// undo without knowing the word: a '*' for hidden letters ('f*ck', 'r*ndi', 'ch*tiya'; one '*'
// per letter, 'f**k' = 'fuck') and a word spaced out after a one-letter word ('a s l u t' read
// as 'aslut'). The list also settles a leet symbol at a word's edge, which is punctuation unless
// the word then spells a listed word ('idiot!' is 'idiot', 'r@nd!' is 'randi'). The list is the abuse vocabulary people actually disguise (English
// and romanized Urdu/Hindi), not a dictionary: a disguise it does not know is read as before.
import { LEET_DIGIT, LEET_SYMBOL, MASK } from "./char-fold";

// Not the bare expletives ('f*ck', 'sh*t', 'f*cking', 'bullsh*t'): a commenter who stars them is
// mostly softening an exclamation, not abusing anyone (on TRAC-1, 3 of the 8 rows whose catch rested
// on a masked 'f*ck' or 'f*cking' are labelled non-aggressive, against none for every other word).
const MASKED_WORDS = `
  fucker fuckers motherfucker motherfuckers shithead
  bitch bitches bastard bastards asshole assholes arsehole cunt cunts dick dicks dickhead dickheads slut sluts
  whore whores idiot idiots moron morons retard retards retarded stupid scum scumbag scumbags
  nigger niggers nigga faggot faggots chink chinks paki pakis porkistan katua katuas sulla sullas jihadi jihadis
  chutiya chutiye chutia chutiyon chootiya madarchod maderchod bhenchod behenchod benchod bhosdike bhosdiwale
  bhosdi gandu gaandu gaand harami haramzada haramzade haramkhor kutta kutte kutiya kuttiya kamina kamine kameena
  kameene saala saale saali lund lauda lavda lawda loda lodu bhadwa bhadwe bharwa bharwe tatti suar kanjar kanjri
  gashti randi randiya rundi lanat lanati beghairat munafiq dogla dogle hijde chinal chhinal
`.split(/\s+/).filter(Boolean);

/** By length, as char codes: a masked word is compared only with words of its length. */
const BY_LENGTH = new Map<number, Uint16Array[]>();
for (const word of MASKED_WORDS) {
  const codes = Uint16Array.from(word, (ch) => ch.charCodeAt(0));
  const list = BY_LENGTH.get(codes.length) ?? [];
  list.push(codes);
  BY_LENGTH.set(codes.length, list);
}

/** Whether `codes[from, to)` (folded lowercase letters) is a word of the list. */
export function isListedWord(codes: Uint16Array, from: number, to: number): boolean {
  const candidates = BY_LENGTH.get(to - from);
  if (candidates === undefined) return false;
  return candidates.some((word) => word.every((code, k) => codes[from + k] === code));
}

/** Whether `codes[from, to)` spells a listed word once leet digits and symbols are read as letters ('!d!0t', 'r@nd!'). */
export function spellsListedWord(codes: Uint16Array, from: number, to: number): boolean {
  const candidates = BY_LENGTH.get(to - from);
  if (candidates === undefined) return false;
  return candidates.some((word) => word.every((letter, k) => letterOf(codes[from + k]!) === letter));
}

function letterOf(code: number): number {
  if (code === MASK || code >= 128) return code;
  return LEET_DIGIT[code] !== -1 ? LEET_DIGIT[code]! : LEET_SYMBOL[code] !== -1 ? LEET_SYMBOL[code]! : code;
}

/**
 * The list word that `codes[from, to)` (folded lowercase chars, '*' for a hidden letter, leet
 * digits and symbols allowed) spells, or null. It must start with a shown letter, show at least
 * two letters and at least half of them; when several words fit ('s**t'), the first listed (the
 * list puts the commoner spelling first; every word of it is abuse, so either reading flags).
 */
export function unmaskWord(codes: Uint16Array, from: number, to: number): Uint16Array | null {
  const length = to - from;
  const candidates = BY_LENGTH.get(length);
  if (candidates === undefined || codes[from] === MASK) return null;
  let masks = 0;
  for (let k = from; k < to; k++) if (codes[k] === MASK) masks++;
  if (masks === 0 || length - masks < 2 || masks * 2 > length) return null;
  for (const word of candidates) {
    let fits = true;
    for (let k = 0; k < length && fits; k++) {
      const code = codes[from + k]!;
      if (code === MASK) continue;
      fits = letterOf(code) === word[k];
    }
    if (fits) return word;
  }
  return null;
}
