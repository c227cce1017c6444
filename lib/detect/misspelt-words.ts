// Listed words a commenter misspells, breaks with a dot or runs together, which exact matching
// misses: 'idoit' or 'idot' (two letters swapped, one dropped), 'idi.ot', 'muslimsaredisgusting'.
// Built once per rule set from the term matcher's own vocabulary (nothing tuned to a word), and
// run after the exact scan on the few words it can change: a misspelling is one probe of a
// deletion index by the word's hash (SymSpell-style, the variants are made when compiling), a
// dotted word is looked at only where the original has punctuation and no space between two
// words, and a run-together word only when a word is long. Measured in docs/quality.md (flags10).
import { buildAutomaton, type Automaton } from "./aho-corasick";
import { MatchBuffer } from "./aho-corasick-scan";
import type { TextNormalizer } from "./normalizer-core";
import { hashCodes } from "./normalizer-buffers";
import type { HitList, TermMatcher } from "./term-matcher";
import { MISSPELT_REAL_WORDS } from "./misspelt-real-words";
import { listedForms, type ListedForm } from "./misspelt-forms";

/**
 * A listed word must have this many letters before a dropped letter is read as it: below, one
 * dropped letter reaches too many ordinary words ('jahil' → 'jail', 'moron' → 'moon').
 */
export const MIN_DROPPED_LENGTH = 6;
/** Two swapped letters reach far fewer words ('idoit', 'bicth'): read from five letters. */
export const MIN_SWAPPED_LENGTH = 5;
/** A word is read as listed words run together only from this length ('indiandogs' has 10). */
export const MIN_JOINED_LENGTH = 9;
/** Inside a run-together word, a listed word counts from this length ('rat' is in 'pirates'). */
const MIN_JOINED_PART = 4;
/** A dotted word is rebuilt from at most this many pieces and letters. */
const MAX_PIECES = 4;
const MAX_DOTTED_LETTERS = 24;
const HASH_BITS = 0xffff;
const PREFIX_BITS = (1 << 18) - 1;

interface IndexEntry {
  codes: Uint16Array;
  form: ListedForm;
}

interface JoinedPart {
  form: ListedForm;
  /** The multi-word term spelled without its spaces ('killyourself'): enough on its own. */
  isPhrase: boolean;
}

export interface MisspeltIndex {
  /** Misspellings (one inner letter dropped, two letters swapped) of long listed words, by hash. */
  readonly variants: Map<number, IndexEntry[]>;
  /** Listed single words as they are, by hash: what a dotted word is rebuilt into. */
  readonly exact: Map<number, IndexEntry[]>;
  /** Bit set of the low bits of every variant's hash: most words stop at this one load (8 KB, stays in cache). */
  readonly variantBits: Uint32Array;
  /**
   * Bit set of the low bits of the hashes of every beginning of a listed word or variant ('idi'):
   * only a word that begins one is looked at as the first piece of a dotted word.
   */
  readonly prefixBits: Uint32Array;
  /** Phrases and paired words found inside a long word; null when the set has none. */
  readonly joined: Automaton | null;
  readonly joinedParts: readonly (readonly JoinedPart[])[];
  /** pairOf[slot] = the slots a NEAR rule pairs it with. */
  readonly pairOf: readonly (readonly number[])[];
}

export interface MisspeltOptions {
  /** 1 for slots whose rules may read misspelt words (TERMS, NEAR): gates of other kinds stay exact. */
  readonly fuzzySlots: Uint8Array;
  /** Slot pairs of NEAR rules (group word, hostile word): two of them run together count. */
  readonly pairs: readonly (readonly [number, number])[];
}

export function compileMisspeltIndex(matcher: TermMatcher, options: MisspeltOptions): MisspeltIndex {
  const allForms = listedForms(matcher);
  const forms = allForms.filter((form) => options.fuzzySlots[form.slot] === 1);
  // A word listed anywhere, gates included, is that word, never another one misspelt.
  const exactWords = new Set(allForms.map((form) => form.text));
  const exact = new Map<number, IndexEntry[]>();
  for (const form of forms) if (!form.text.includes(" ")) addEntry(exact, form.text, form);
  const variants = new Map<number, IndexEntry[]>();
  const variantBits = new Uint32Array((HASH_BITS + 1) >>> 5);
  for (const form of forms) {
    if (form.text.includes(" ") || form.text.length < MIN_SWAPPED_LENGTH) continue;
    for (const variant of misspellingsOf(form.text, form.text.length >= MIN_DROPPED_LENGTH)) {
      if (exactWords.has(variant) || MISSPELT_REAL_WORDS.has(variant)) continue;
      const bit = addEntry(variants, variant, form) & HASH_BITS;
      variantBits[bit >>> 5]! |= 1 << (bit & 31);
    }
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
  const pairOf: number[][] = [];
  for (const [a, b] of options.pairs) {
    (pairOf[a] ??= []).push(b);
    (pairOf[b] ??= []).push(a);
  }
  const partsByPattern = new Map<string, JoinedPart[]>();
  for (const form of forms) {
    const isPhrase = form.text.includes(" ");
    if (!isPhrase && (pairOf[form.slot] === undefined || form.text.length < MIN_JOINED_PART)) continue;
    const pattern = form.text.replaceAll(" ", "");
    const parts = partsByPattern.get(pattern) ?? [];
    parts.push({ form, isPhrase });
    partsByPattern.set(pattern, parts);
  }
  return {
    variants, exact, variantBits, prefixBits, pairOf,
    joined: partsByPattern.size === 0 ? null : buildAutomaton([...partsByPattern.keys()]),
    joinedParts: [...partsByPattern.values()],
  };
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

const joinedBuffer = new MatchBuffer();
const dottedCodes = new Uint16Array(MAX_DOTTED_LETTERS);

/**
 * Appends to `hits` the listed words found misspelt, dotted or run together in the normalized
 * text (`body` is the original: a dotted word must have no space in it). Hits keep the listed
 * term, so rules and reasons treat them as the word they spell.
 */
export function matchMisspeltWords(index: MisspeltIndex, text: TextNormalizer, body: string, hits: HitList): void {
  const { wordStarts, wordHashes, wordCount, length, codes, originStart, originEnd } = text;
  const { variantBits, prefixBits, joined } = index;
  if (index.exact.size === 0 && joined === null) return;
  const exactCount = hits.count;
  for (let w = 0; w < wordCount; w++) {
    const start = wordStarts[w]!;
    const end = w + 1 < wordCount ? wordStarts[w + 1]! - 1 : length;
    const size = end - start;
    if (size >= MIN_SWAPPED_LENGTH) {
      const hash = wordHashes[w]!;
      const bit = hash & HASH_BITS;
      if ((variantBits[bit >>> 5]! & (1 << (bit & 31))) !== 0) matchVariant(index, codes, hash, start, end, hits, exactCount);
      if (size >= MIN_JOINED_LENGTH && joined !== null) matchJoined(index, codes, start, end, hits);
    }
    // Most words begin no listed word; most others are followed by a space or end before one (',' then ' ').
    const prefixBit = wordHashes[w]! & PREFIX_BITS;
    if (w + 1 < wordCount && (prefixBits[prefixBit >>> 5]! & (1 << (prefixBit & 31))) !== 0) {
      const after = originEnd[end - 1]!;
      const before = originStart[end + 1]! - 1;
      if (before >= after && body.charCodeAt(after) > 32 && body.charCodeAt(before) > 32 && isPunctuationGap(text, body, end, end + 1)) {
        matchDotted(index, text, body, w, hits);
      }
    }
  }
}

function matchVariant(index: MisspeltIndex, codes: Uint16Array, hash: number, start: number, end: number, hits: HitList, exactCount: number): void {
  const entries = index.variants.get(hash);
  if (entries === undefined || isCovered(hits, exactCount, start, end)) return;
  for (const entry of entries) if (sameCodes(entry.codes, codes, start, end)) pushForm(hits, entry.form, start, end);
}

function pushForm(hits: HitList, form: ListedForm, start: number, end: number): void {
  hits.push(form.slot, form.pattern, form.target, start, end);
}

function isCovered(hits: HitList, count: number, start: number, end: number): boolean {
  for (let h = 0; h < count; h++) if (hits.start[h]! < end && start < hits.end[h]!) return true;
  return false;
}

/** Whether the original text between two normalized words is punctuation only ('idi.ot', 'f-ck'), no space. */
function isPunctuationGap(text: TextNormalizer, body: string, lastOfWord: number, nextStart: number): boolean {
  const from = text.originEnd[lastOfWord - 1]!;
  const to = text.originStart[nextStart]!;
  if (to <= from || to - from > 2) return false;
  for (let k = from; k < to; k++) {
    const code = body.charCodeAt(k);
    if (code <= 32 || code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x3000) return false;
    // An apostrophe joins a word and its ending ("paki's" is not 'pakis'), not a disguise; a starred
    // word ('f*ck') is mentioned or softened more often than used (docs/quality.md, flags8).
    if (code === 39 || code === 0x2019 || code === 0x2018 || code === 96 || code === 42) return false;
  }
  return true;
}

function matchDotted(index: MisspeltIndex, text: TextNormalizer, body: string, first: number, hits: HitList): void {
  const { wordStarts, wordCount, length, codes } = text;
  let letters = 0;
  for (let w = first; w < wordCount && w < first + MAX_PIECES; w++) {
    const start = wordStarts[w]!;
    const end = w + 1 < wordCount ? wordStarts[w + 1]! - 1 : length;
    if (w > first && !isPunctuationGap(text, body, wordStarts[w]! - 1, start)) return;
    if (letters + end - start > MAX_DOTTED_LETTERS) return;
    for (let k = start; k < end; k++) dottedCodes[letters++] = codes[k]!;
    if (w === first) continue;
    const hash = hashCodes(dottedCodes, 0, letters);
    const from = wordStarts[first]!;
    pushMatching(index.exact.get(hash), letters, from, end, hits);
    pushMatching(index.variants.get(hash), letters, from, end, hits);
  }
}

function pushMatching(entries: IndexEntry[] | undefined, letters: number, from: number, end: number, hits: HitList): void {
  if (entries === undefined) return;
  for (const entry of entries) if (sameCodes(entry.codes, dottedCodes, 0, letters)) pushForm(hits, entry.form, from, end);
}

/** A phrase spelled without spaces, or two words a NEAR rule pairs, inside one long word. */
function matchJoined(index: MisspeltIndex, codes: Uint16Array, start: number, end: number, hits: HitList): void {
  const found = joinedBuffer;
  found.count = 0;
  scanWord(index.joined!, codes, start, end, found);
  for (let m = 0; m < found.count; m++) {
    for (const part of index.joinedParts[found.pattern[m]!]!) {
      if (part.isPhrase || pairedPartner(index, found, m, part.form.slot) >= 0) pushForm(hits, part.form, found.start[m]!, found.end[m]!);
    }
  }
}

/** Every pattern inside codes[start, end), as [start, end) into codes: no frame, no copy. */
function scanWord(automaton: Automaton, codes: Uint16Array, start: number, end: number, out: MatchBuffer): void {
  const { symbolOf, rows, symbolCount, outPattern, dictLink, patternLength } = automaton;
  let row = 0;
  for (let i = start; i < end; i++) {
    row = rows[row + symbolOf[codes[i]!]!]!;
    if (row >= 0) continue;
    row = ~row;
    const state = row / symbolCount;
    for (let at = outPattern[state] !== -1 ? state : dictLink[state]!; at !== -1; at = dictLink[at]!) {
      const pattern = outPattern[at]!;
      out.push(pattern, i + 1 - patternLength[pattern]!, i + 1);
    }
  }
}

/** Index of a match, not overlapping match `m`, of a word from a slot paired with `slot`; -1 if none. */
function pairedPartner(index: MisspeltIndex, found: MatchBuffer, m: number, slot: number): number {
  const partners = index.pairOf[slot];
  if (partners === undefined) return -1;
  for (let other = 0; other < found.count; other++) {
    if (found.start[other]! < found.end[m]! && found.start[m]! < found.end[other]!) continue;
    for (const part of index.joinedParts[found.pattern[other]!]!) {
      if (!part.isPhrase && partners.includes(part.form.slot)) return other;
    }
  }
  return -1;
}
