// Words commenters disguise to slip past a filter, for two disguises the normalizer cannot undo
// without knowing the word: a word spaced out after a one-letter word ('a s l u t' would read as
// 'aslut') and a leet symbol at a word's edge, which is punctuation unless the word then spells a
// listed word ('idiot!' is 'idiot', '!d!0t' and 'r@nd!' are 'idiot' and 'randi'). The list is the
// abuse vocabulary people actually disguise (English and romanized Urdu/Hindi), not a dictionary:
// a disguise it does not know is read as before.
//
// A '*' for hidden letters ('id*ot') is not undone: a commenter who stars a word is often
// mentioning it or softening it rather than abusing anyone. Measured (docs/quality.md, flags8):
// restoring starred words from this list caught 7 more of TRAC-1's 9,492 aggressive comments and
// flagged one more clean test comment, so it was taken out.
import { LEET_DIGIT, LEET_SYMBOL } from "./char-fold";

const DISGUISED_WORDS = `
  fuck fucks fucked fucker fuckers fucking fuckin motherfucker motherfuckers shit shits shitty bullshit shithead
  bitch bitches bastard bastards asshole assholes arsehole cunt cunts dick dicks dickhead dickheads slut sluts
  whore whores idiot idiots moron morons retard retards retarded stupid scum scumbag scumbags
  nigger niggers nigga faggot faggots chink chinks paki pakis porkistan katua katuas sulla sullas jihadi jihadis
  chutiya chutiye chutia chutiyon chootiya madarchod maderchod bhenchod behenchod benchod bhosdike bhosdiwale
  bhosdi gandu gaandu gaand harami haramzada haramzade haramkhor kutta kutte kutiya kuttiya kamina kamine kameena
  kameene saala saale saali lund lauda lavda lawda loda lodu bhadwa bhadwe bharwa bharwe tatti suar kanjar kanjri
  gashti randi randiya rundi lanat lanati beghairat munafiq dogla dogle hijde chinal chhinal
  jahil jaahil gadha gadhe animals savages rats pigs dogs snakes insects liars traitors cowards beggars parasites
  terrorists sickening subhuman swine sanghi sanghis bhakt bhakts libtard libtards kutta kutti rundi phudi porki porkis
`.split(/\s+/).filter(Boolean);

/** By length, as char codes: a word is compared only with words of its length. */
const BY_LENGTH = new Map<number, Uint16Array[]>();
for (const word of DISGUISED_WORDS) {
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
  if (code >= 128) return code;
  return LEET_DIGIT[code] !== -1 ? LEET_DIGIT[code]! : LEET_SYMBOL[code] !== -1 ? LEET_SYMBOL[code]! : code;
}
