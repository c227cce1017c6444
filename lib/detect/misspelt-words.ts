// Listed words read when a commenter misspells, dots or masks them to slip past the word rules:
// one inner letter dropped ('bastrd') or two letters swapped ('idoit') in a long listed word,
// punctuation inside a word ('idi.ot'), or a mask symbol for one hidden letter ('id*ot').
// Ordinary words must cost almost nothing: the misspellings are made when compiling
// (SymSpell-style) and their hashes set bits of a 16 KB set, and one tight loop over the arrays the
// normalizer has just written (each word's hash, where it starts, where its chars came from)
// tests each word's bit and the gap before the next word; only a word whose bit is set, or that is
// followed by one or two chars of punctuation and no space, is looked at further. Measured in
// docs/quality.md (evasion3): probing inside the normalizer's word loop cost more.
import type { TextNormalizer } from "./normalizer-core";
import { hashCodes } from "./normalizer-buffers";
import type { HitList, TermMatcher } from "./term-matcher";
import { MISSPELT_REAL_WORDS } from "./misspelt-real-words";
import { MASK_CHARS, listedForms, type ListedForm } from "./misspelt-forms";

/**
 * A listed word must have this many letters before a dropped letter is read as it: below, one
 * dropped letter reaches too many ordinary words ('jahil' → 'jail', 'moron' → 'moon').
 */
export const MIN_DROPPED_LENGTH = 6;
/** Two swapped letters reach far fewer words ('idoit', 'bicth'): read from five letters. */
export const MIN_SWAPPED_LENGTH = 5;
/** A listed word must have this many letters for one of them to be read behind a mask ('sh*t' has 4). */
export const MIN_MASKED_LENGTH = 4;
/** A dotted word is rebuilt from at most this many pieces and letters. */
const MAX_PIECES = 4;
const MAX_DOTTED_LETTERS = 24;
const PREFIX_BITS = (1 << 18) - 1;
/**
 * The probe's bit set has at least 32 bits per misspelling, so about 3% are set and nearly every
 * ordinary word stops at its bit: 2^17 bits (16 KB) for the default pack's 3,640; with the rules
 * bench's 1,000 generated rules (105,000) a fixed 16 KB set was 55% full and cost a fifth of the
 * engine's time in map lookups. Capped at 2^22 bits (512 KB).
 */
const MIN_PROBE_BITS = 17;
const MAX_PROBE_BITS = 22;
/** Stands for the hidden letter in the masked index's keys ('id*ot'): never a normalized letter. */
const HIDDEN = 42;

interface IndexEntry {
  codes: Uint16Array;
  form: ListedForm;
}

export interface MisspeltIndex {
  /** Misspellings (one inner letter dropped, two letters swapped) of long listed words, by hash. */
  readonly variants: Map<number, IndexEntry[]>;
  /** Listed single words as they are, by hash: what a dotted word is rebuilt into. */
  readonly exact: Map<number, IndexEntry[]>;
  /** Listed single words with one inner letter hidden ('id*ot'), by hash. */
  readonly masked: Map<number, IndexEntry[]>;
  /** Bit set of the low bits of every variant's hash: most words stop at this one load. */
  readonly probeBits: Uint32Array;
  /** The hash bits probeBits is indexed by (its size in bits, minus one). */
  readonly probeMask: number;
  /**
   * Bit set of the low bits of the hashes of every beginning of a listed word or variant ('idi'):
   * only a word that begins one is looked at as the first piece of a dotted or masked word.
   */
  readonly prefixBits: Uint32Array;
}

/** `fuzzySlots[slot]` is 1 where the slot's rule may read misspelt words (TERMS, NEAR): gates of other kinds stay exact. */
export function compileMisspeltIndex(matcher: TermMatcher, fuzzySlots: Uint8Array): MisspeltIndex {
  const allForms = listedForms(matcher);
  const forms = allForms.filter((form) => fuzzySlots[form.slot] === 1 && !form.text.includes(" "));
  // A word listed anywhere, gates included, is that word, never another one misspelt.
  const exactWords = new Set(allForms.map((form) => form.text));
  const exact = new Map<number, IndexEntry[]>();
  const variants = new Map<number, IndexEntry[]>();
  const masked = new Map<number, IndexEntry[]>();
  for (const form of forms) {
    addEntry(exact, form.text, form);
    if (form.text.length >= MIN_MASKED_LENGTH) {
      for (let k = 1; k < form.text.length - 1; k++) addEntry(masked, `${form.text.slice(0, k)}*${form.text.slice(k + 1)}`, form);
    }
    if (form.text.length < MIN_SWAPPED_LENGTH) continue;
    for (const variant of misspellingsOf(form.text, form.text.length >= MIN_DROPPED_LENGTH)) {
      if (exactWords.has(variant) || MISSPELT_REAL_WORDS.has(variant)) continue;
      addEntry(variants, variant, form);
    }
  }
  let probeLog = MIN_PROBE_BITS;
  while (probeLog < MAX_PROBE_BITS && 2 ** probeLog < variants.size * 32) probeLog++;
  const probeMask = 2 ** probeLog - 1;
  const probeBits = new Uint32Array(2 ** (probeLog - 5));
  for (const hash of variants.keys()) {
    const bit = hash & probeMask;
    probeBits[bit >>> 5]! |= 1 << (bit & 31);
  }
  const prefixBits = new Uint32Array((PREFIX_BITS + 1) >>> 5);
  for (const table of [exact, variants]) {
    for (const entries of table.values()) for (const { codes } of entries) {
      for (let k = 1; k < codes.length; k++) {
        const bit = hashCodes(codes, 0, k) & PREFIX_BITS;
        prefixBits[bit >>> 5]! |= 1 << (bit & 31);
      }
    }
  }
  return { variants, exact, masked, probeBits, probeMask, prefixBits };
}

/**
 * Each pair of letters after the first swapped and, with `dropped`, each inner letter dropped
 * (not one of a double: 'sale' is not 'saale').
 */
export function misspellingsOf(word: string, dropped: boolean): Set<string> {
  const out = new Set<string>();
  for (let k = 1; dropped && k < word.length - 1; k++) {
    if (word[k] === word[k - 1] || word[k] === word[k + 1]) continue;
    out.add(word.slice(0, k) + word.slice(k + 1));
  }
  for (let k = 1; k < word.length - 1; k++) {
    if (word[k] === word[k + 1]) continue;
    out.add(word.slice(0, k) + word[k + 1] + word[k] + word.slice(k + 2));
  }
  out.delete(word);
  return out;
}

function addEntry(map: Map<number, IndexEntry[]>, text: string, form: ListedForm): number {
  const codes = Uint16Array.from(text, (ch) => ch.charCodeAt(0));
  const hash = hashCodes(codes, 0, codes.length);
  const list = map.get(hash) ?? [];
  if (!list.some((entry) => entry.form === form && sameCodes(entry.codes, codes, 0, codes.length))) list.push({ codes, form });
  map.set(hash, list);
  return hash;
}

function sameCodes(word: Uint16Array, codes: Uint16Array, from: number, to: number): boolean {
  if (word.length !== to - from) return false;
  for (let k = 0; k < word.length; k++) if (word[k] !== codes[from + k]) return false;
  return true;
}

const joinedCodes = new Uint16Array(MAX_DOTTED_LETTERS);

/**
 * Appends to `hits` the listed words found misspelt, dotted or masked in the normalized text
 * (`body` is the original: a dotted word must have no space in it). Hits keep the listed term, so
 * rules and reasons treat them as the word they spell; `hits.firstMisread` says where they begin.
 * `everyWord` looks at every word and gap without the filters, for tests.
 */
export function matchMisspeltWords(index: MisspeltIndex, text: TextNormalizer, body: string, hits: HitList, everyWord = false): void {
  const exactCount = hits.count;
  hits.firstMisread = exactCount;
  if (everyWord) {
    for (let w = 0; w < text.wordCount; w++) matchVariant(index, text, w, hits, exactCount);
    for (let w = 0; w + 1 < text.wordCount; w++) matchGap(index, text, body, w, hits);
    return;
  }
  const { wordHashes, wordStarts, wordCount, originStart, originEnd } = text;
  const { probeBits: bits, probeMask } = index;
  // A set past the core's caches (many TERMS words) is read only for words long enough to be a
  // misspelling: the length branch mispredicts, but a cache miss per short word cost more.
  const gated = probeMask >= 1 << MIN_PROBE_BITS;
  const last = wordCount - 1;
  for (let w = 0; w <= last; w++) {
    const hash = wordHashes[w]!;
    const next = w < last ? wordStarts[w + 1]! : text.length + 1;
    if ((!gated || next - wordStarts[w]! > MIN_SWAPPED_LENGTH) && ((bits[(hash & probeMask) >>> 5]! >>> (hash & 31)) & 1) !== 0) {
      matchVariant(index, text, w, hits, exactCount);
    }
    if (w === last) break;
    // One or two chars, the last not a space, between this word and the next ('idi.ot', 'id*ot').
    const gapEnd = originStart[next]!;
    if (body.charCodeAt(gapEnd - 1) > 32 && ((gapEnd - originEnd[next - 2]! - 1) >>> 0) < 2) matchGap(index, text, body, w, hits);
  }
}

function matchVariant(index: MisspeltIndex, text: TextNormalizer, w: number, hits: HitList, exactCount: number): void {
  const entries = index.variants.get(text.wordHashes[w]!);
  if (entries === undefined) return;
  const start = text.wordStarts[w]!;
  const end = w + 1 < text.wordCount ? text.wordStarts[w + 1]! - 1 : text.length;
  if (isCovered(hits, exactCount, start, end)) return;
  for (const entry of entries) if (sameCodes(entry.codes, text.codes, start, end)) pushForm(hits, entry.form, start, end);
}

function pushForm(hits: HitList, form: ListedForm, start: number, end: number): void {
  hits.push(form.slot, form.pattern, form.target, start, end);
}

function isCovered(hits: HitList, count: number, start: number, end: number): boolean {
  for (let h = 0; h < count; h++) if (hits.start[h]! < end && start < hits.end[h]!) return true;
  return false;
}

/** What the original text between two words may be read as (bits), 0 when it has a space. */
const GAP_DOTTED = 1;
const GAP_MASK = 2;

/** 'idi.ot', 'f-ck': punctuation only, no space, one or two chars; one mask symbol may hide a letter ('id*ot'). */
function gapBetween(text: TextNormalizer, body: string, lastOfWord: number, nextStart: number): number {
  const from = text.originEnd[lastOfWord - 1]!;
  const to = text.originStart[nextStart]!;
  if (to <= from || to - from > 2) return 0;
  let kinds = GAP_DOTTED;
  for (let k = from; k < to; k++) {
    const code = body.charCodeAt(k);
    if (code <= 32 || code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x3000) return 0;
    // An apostrophe joins a word and its ending ("paki's" is not 'pakis'), not a disguise.
    if (code === 39 || code === 0x2019 || code === 0x2018 || code === 96) return 0;
    // A star hides a letter; it is never nothing ('scou*ndrel' is not 'scoundrel').
    if (code === HIDDEN) kinds &= ~GAP_DOTTED;
  }
  if (to - from === 1 && MASK_CHARS.includes(body[from]!)) kinds |= GAP_MASK;
  return kinds;
}

/**
 * A hyphen or a dot is punctuation far more often than a mask: between two short pieces
 * ('la-de', 'e.g') or around an ordinary word ('cha-cha', misspelt-real-words.ts) it hides no letter.
 */
function mayHideLetter(text: TextNormalizer, body: string, start: number, secondStart: number, end: number): boolean {
  const mask = body.charCodeAt(text.originEnd[secondStart - 2]!);
  if (mask !== 45 && mask !== 46) return true;
  if (Math.max(secondStart - 1 - start, end - secondStart) < 3) return false;
  return !MISSPELT_REAL_WORDS.has(text.textOf(start, end).replace(" ", ""));
}

function matchGap(index: MisspeltIndex, text: TextNormalizer, body: string, first: number, hits: HitList): void {
  // Most words begin no listed word.
  const prefixBit = text.wordHashes[first]! & PREFIX_BITS;
  if ((index.prefixBits[prefixBit >>> 5]! & (1 << (prefixBit & 31))) === 0) return;
  const end = text.wordStarts[first + 1]! - 1;
  const gap = gapBetween(text, body, end, end + 1);
  if ((gap & GAP_DOTTED) !== 0 && matchDotted(index, text, body, first, hits)) return;
  if ((gap & GAP_MASK) !== 0) matchMasked(index, text, body, first, hits);
}

/** Whether pieces from word `first` on, joined, spell a listed word or one of its misspellings (pushed). */
function matchDotted(index: MisspeltIndex, text: TextNormalizer, body: string, first: number, hits: HitList): boolean {
  const { wordStarts, wordCount, length, codes } = text;
  const count = hits.count;
  let letters = 0;
  for (let w = first; w < wordCount && w < first + MAX_PIECES; w++) {
    const start = wordStarts[w]!;
    const end = w + 1 < wordCount ? wordStarts[w + 1]! - 1 : length;
    if (w > first && (gapBetween(text, body, start - 1, start) & GAP_DOTTED) === 0) break;
    if (letters + end - start > MAX_DOTTED_LETTERS) break;
    for (let k = start; k < end; k++) joinedCodes[letters++] = codes[k]!;
    if (w === first) continue;
    const hash = hashCodes(joinedCodes, 0, letters);
    const from = wordStarts[first]!;
    pushMatching(index.exact.get(hash), letters, from, end, hits);
    pushMatching(index.variants.get(hash), letters, from, end, hits);
  }
  return hits.count > count;
}

function pushMatching(entries: IndexEntry[] | undefined, letters: number, from: number, end: number, hits: HitList): void {
  if (entries === undefined) return;
  for (const entry of entries) if (sameCodes(entry.codes, joinedCodes, 0, letters)) pushForm(hits, entry.form, from, end);
}

/** Word `first` and the next read as one word with a letter hidden between them, when exactly one listed word fits. */
function matchMasked(index: MisspeltIndex, text: TextNormalizer, body: string, first: number, hits: HitList): void {
  const { wordStarts, wordCount, length, codes } = text;
  const start = wordStarts[first]!;
  const secondStart = wordStarts[first + 1]!;
  const end = first + 2 < wordCount ? wordStarts[first + 2]! - 1 : length;
  const letters = end - start;
  if (letters > MAX_DOTTED_LETTERS) return;
  for (let k = start; k < end; k++) joinedCodes[k - start] = codes[k]!;
  joinedCodes[secondStart - 1 - start] = HIDDEN;
  const entries = index.masked.get(hashCodes(joinedCodes, 0, letters));
  if (entries === undefined) return;
  let fits: string | null = null;
  for (const entry of entries) {
    if (!sameCodes(entry.codes, joinedCodes, 0, letters)) continue;
    if (fits !== null && fits !== entry.form.text) return;
    fits = entry.form.text;
  }
  if (fits === null || !mayHideLetter(text, body, start, secondStart, end)) return;
  for (const entry of entries) if (sameCodes(entry.codes, joinedCodes, 0, letters)) pushForm(hits, entry.form, start, end);
}
