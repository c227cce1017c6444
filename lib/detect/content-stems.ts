import { TextNormalizer } from "./normalizer-core";
import { hashCodes } from "./normalizer-buffers";
import { StemSet } from "./stem-set";

// Function words in English and romanized Urdu/Hindi: they say nothing about the topic.
const STOPWORDS = `a about above after again against all also am an and any are as at be because been before
being below between both but by can cannot could did do does doing don down during each even ever every few
for from further get gets got had has have having he her here hers him his how however i if in into is it its
itself just know let like made make many may me might more most much must my no nor not now of off on once
one only or other our ours out over own people please really said same say says see seem she should since so
some still such than that the their theirs them then there these they thing things think this those though
through to too under until up upon us very via want was way we well were what whatever when where whether
which while who whom whose why will with within without would yes yet you your yours also already always
another anyone anything back being come even going good great lol ok okay right sir sure thanks thank time
today true use used using aur bhi hai hain ho hota hoti ka ke ki kya ko koi ne nahi nahin par pe se tha the
thi to toh wo woh ye yeh hum tum ap aap mein main kuch sab`;

// A typed-array set, not a JS Set: it is probed for every word of every long comment.
const STOPWORD_HASHES: StemSet = (() => {
  const hashes = new StemSet();
  for (const word of STOPWORDS.split(/\s+/)) {
    if (word.length === 0) continue;
    const codes = Array.from(word, (ch) => ch.charCodeAt(0));
    hashes.add(hashCodes(codes, 0, codes.length));
  }
  return hashes;
})();

const S = 115;

function endsWith(codes: Uint16Array, end: number, suffix: string): boolean {
  for (let k = 0; k < suffix.length; k++) if (codes[end - suffix.length + k] !== suffix.charCodeAt(k)) return false;
  return true;
}

/** Light stemming by cutting the end index: 'countries'/'country'→'countr', 'tapped'→'tapp', 'cables'→'cable'. */
function stemEnd(codes: Uint16Array, start: number, end: number): number {
  let stop = end;
  if (stop - start > 3 && codes[stop - 1] === S && codes[stop - 2] !== S) stop--;
  const length = stop - start;
  if (length > 5 && endsWith(codes, stop, "ing")) return stop - 3;
  if (length > 4 && (endsWith(codes, stop, "ed") || endsWith(codes, stop, "ly"))) return stop - 2;
  if (length > 4 && endsWith(codes, stop, "ie")) return stop - 2;
  if (length > 4 && (endsWith(codes, stop, "e") || endsWith(codes, stop, "y"))) return stop - 1;
  return stop;
}

/** Calls `visit` with the stem hash of every content word (3+ letters, not a function word, not a number). */
export function forEachContentStem(text: TextNormalizer, visit: (stem: number) => void): void {
  const { codes, wordStarts, wordHashes, wordCount, length } = text;
  for (let w = 0; w < wordCount; w++) {
    const start = wordStarts[w]!;
    const end = w + 1 < wordCount ? wordStarts[w + 1]! - 1 : length;
    if (end - start < 3 || STOPWORD_HASHES.has(wordHashes[w]!)) continue;
    const first = codes[start]!;
    if (first >= 48 && first <= 57) continue;
    const stop = stemEnd(codes, start, end);
    visit(stop === end ? wordHashes[w]! : hashCodes(codes, start, stop));
  }
}

/**
 * Counts content stems (the ones forEachContentStem visits) and how many of them are in
 * `within`, without a closure per comment. Returns the number of words, or -1 as soon as more
 * than `stopAbove` are in `within` (the caller only needs to know the share is already too
 * high). The in-set count of the last call is `lastInSetCount()`.
 */
export function countContentStems(text: TextNormalizer, within: StemSet | null, stopAbove = Infinity): number {
  const { codes, wordStarts, wordHashes, wordCount, length } = text;
  let words = 0;
  let inSet = 0;
  for (let w = 0; w < wordCount; w++) {
    const start = wordStarts[w]!;
    const end = w + 1 < wordCount ? wordStarts[w + 1]! - 1 : length;
    if (end - start < 3 || STOPWORD_HASHES.has(wordHashes[w]!)) continue;
    const first = codes[start]!;
    if (first >= 48 && first <= 57) continue;
    words++;
    if (within === null) continue;
    const stop = stemEnd(codes, start, end);
    if (within.has(stop === end ? wordHashes[w]! : hashCodes(codes, start, stop)) && ++inSet > stopAbove) {
      countedInSet = inSet;
      return -1;
    }
  }
  countedInSet = inSet;
  return words;
}

let countedInSet = 0;

/** The in-set count of the last countContentStems call. */
export function lastInSetCount(): number {
  return countedInSet;
}

const referenceNormalizer = new TextNormalizer();
const articleCache = new Map<string, StemSet>();
const ARTICLE_CACHE_SIZE = 64;
const parentStems = new StemSet();

function fill(into: StemSet, text: string): StemSet {
  referenceNormalizer.run(text);
  into.clear();
  forEachContentStem(referenceNormalizer, (stem) => into.add(stem));
  return into;
}

/** Content stems of an article, cached because every comment on a page shares it. */
export function articleStems(text: string): StemSet {
  const cached = articleCache.get(text);
  if (cached !== undefined) return cached;
  // The oldest article's set is refilled, not a new one made: a StemSet's typed arrays live outside
  // V8's heap, and allocating them cost microseconds, once per article of a bulk import.
  let reused: StemSet | undefined;
  if (articleCache.size >= ARTICLE_CACHE_SIZE) {
    const oldest = articleCache.entries().next();
    if (oldest.done !== true) {
      articleCache.delete(oldest.value[0]);
      reused = oldest.value[1];
    }
  }
  const stems = fill(reused ?? new StemSet(), text);
  articleCache.set(text, stems);
  return stems;
}

/** Content stems of a parent comment, in a reused set: valid until the next call. */
export function parentCommentStems(text: string): StemSet {
  return fill(parentStems, text);
}
