import { buildAutomaton, type Automaton } from "./aho-corasick";
import { MatchBuffer, scanAutomaton, type WordStarts } from "./aho-corasick-scan";
import type { TextNormalizer } from "./normalizer-core";
import { normalizeForMatching } from "./normalize";

/** A term as an admin wrote it, owned by a rule slot (a TERMS rule, or one side of a NEAR rule). */
export interface TermEntry {
  slot: number;
  term: string;
}

/** A verified whole-word hit, as [start, end) indices into the normalized text. */
export interface TermHit {
  slot: number;
  term: string;
  start: number;
  end: number;
  /** Set when the words were read as the term misspelt, dotted or masked (misspelt-words.ts). */
  misread?: true;
}

interface TermTarget {
  slot: number;
  term: string;
  prefix: boolean;
  /** Letters of each squeezed char's run in the term as written (1 or 2); 0 for spaces. */
  runs: Uint8Array;
  /** Short terms ('ass', 'rat') must repeat letters exactly as written: 'as', 'raat' are other words. */
  strict: boolean;
}

export interface TermMatcher {
  readonly automaton: Automaton;
  readonly targets: readonly (readonly TermTarget[])[];
  readonly buffer: MatchBuffer;
}

/**
 * Verified hits of one scan in reusable typed arrays, so a comment with hits allocates no
 * objects until a rule asks for them (hitsOf).
 */
export class HitList {
  /** Hits from this index on are misspelt, dotted or masked readings (misspelt-words.ts appends them last). */
  firstMisread = 0x7fffffff;
  slot = new Int32Array(32);
  pattern = new Int32Array(32);
  target = new Int32Array(32);
  start = new Int32Array(32);
  end = new Int32Array(32);
  count = 0;

  push(slot: number, pattern: number, target: number, start: number, end: number): void {
    if (this.count === this.slot.length) this.grow();
    const at = this.count++;
    this.slot[at] = slot;
    this.pattern[at] = pattern;
    this.target[at] = target;
    this.start[at] = start;
    this.end[at] = end;
  }

  private grow(): void {
    const size = this.count * 2;
    const grow = (array: Int32Array) => { const next = new Int32Array(size); next.set(array); return next; };
    this.slot = grow(this.slot);
    this.pattern = grow(this.pattern);
    this.target = grow(this.target);
    this.start = grow(this.start);
    this.end = grow(this.end);
  }
}

/** The hits of one slot as objects, in scan order. */
export function hitsOf(matcher: TermMatcher, list: HitList, slot: number): TermHit[] {
  const hits: TermHit[] = [];
  for (let h = 0; h < list.count; h++) {
    if (list.slot[h] !== slot) continue;
    const term = matcher.targets[list.pattern[h]!]![list.target[h]!]!.term;
    hits.push(h < list.firstMisread ? { slot, term, start: list.start[h]!, end: list.end[h]! }
      : { slot, term, start: list.start[h]!, end: list.end[h]!, misread: true });
  }
  return hits;
}

export class InvalidTermError extends Error {
  constructor(readonly term: string, reason: string) {
    super(`term '${term}' ${reason}`);
    this.name = "InvalidTermError";
  }
}

const SPACE = 32;
const STRICT_BELOW_LETTERS = 4;

/**
 * Why squeeze: evasions add letters ('stuuupid', 'kuttte'), so terms and text are both read
 * with doubled letters squeezed to one, then each hit is checked against the term's own runs:
 * text runs may be longer than the term's, never shorter ('sale' is not 'saale').
 */
export function compileTermMatcher(entries: readonly TermEntry[]): TermMatcher {
  const patternIds = new Map<string, number>();
  const targets: TermTarget[][] = [];
  for (const { slot, term } of entries) {
    const trimmed = term.trim();
    const prefix = trimmed.endsWith("*");
    const core = prefix ? trimmed.slice(0, -1) : trimmed;
    if (core.includes("*")) throw new InvalidTermError(term, "may only use '*' at the end (prefix wildcard)");
    const normalized = normalizeForMatching(core);
    if (normalized.text.length === 0) throw new InvalidTermError(term, "has no letters or digits once normalized");
    const { squeezed, runs } = squeezeRuns(normalized.text);
    const pattern = ` ${squeezed}${prefix ? "" : " "}`;
    let id = patternIds.get(pattern);
    if (id === undefined) {
      id = targets.length;
      patternIds.set(pattern, id);
      targets.push([]);
    }
    const letters = squeezed.replaceAll(" ", "").length;
    targets[id]!.push({ slot, term: trimmed, prefix, runs, strict: letters < STRICT_BELOW_LETTERS });
  }
  return { automaton: buildAutomaton([...patternIds.keys()]), targets, buffer: new MatchBuffer() };
}

function squeezeRuns(text: string): { squeezed: string; runs: Uint8Array } {
  let squeezed = "";
  const runs: number[] = [];
  for (let k = 0; k < text.length; k++) {
    const ch = text[k]!;
    if (k > 0 && ch === text[k - 1] && ch !== " ") {
      runs[runs.length - 1] = 2;
      continue;
    }
    squeezed += ch;
    runs.push(ch === " " ? 0 : 1);
  }
  return { squeezed, runs: Uint8Array.from(runs) };
}

const scratch = new HitList();
const wordStarts: WordStarts = { starts: new Int32Array(0), count: 0 };

/** Appends verified hits of every term in the normalized text to `hits`. */
export function matchTerms(matcher: TermMatcher, text: TextNormalizer, hits: TermHit[]): void {
  scratch.count = 0;
  matchTermsInto(matcher, text, scratch);
  for (let h = 0; h < scratch.count; h++) {
    const term = matcher.targets[scratch.pattern[h]!]![scratch.target[h]!]!.term;
    hits.push({ slot: scratch.slot[h]!, term, start: scratch.start[h]!, end: scratch.end[h]! });
  }
}

/** Appends verified hits of every term in the normalized text to `out` (no allocation). */
export function matchTermsInto(matcher: TermMatcher, text: TextNormalizer, out: HitList): void {
  const { buffer, targets } = matcher;
  buffer.count = 0;
  wordStarts.starts = text.wordStarts;
  wordStarts.count = text.wordCount;
  scanAutomaton(matcher.automaton, text.codes, text.length, true, buffer, wordStarts);
  for (let m = 0; m < buffer.count; m++) {
    const pattern = buffer.pattern[m]!;
    const patternTargets = targets[pattern]!;
    const start = buffer.start[m]! + 1;
    let end = buffer.end[m]!;
    const prefix = patternTargets[0]!.prefix;
    if (prefix) {
      while (end < text.length && text.codes[end] !== SPACE) end++;
    } else {
      end--;
    }
    for (let t = 0; t < patternTargets.length; t++) {
      const target = patternTargets[t]!;
      if (runsAllowed(target, text, start)) out.push(target.slot, pattern, t, start, end);
    }
  }
}

function runsAllowed(target: TermTarget, text: TextNormalizer, start: number): boolean {
  const { codes, originStart, originEnd, length } = text;
  let at = start;
  for (let k = 0; k < target.runs.length; k++) {
    const wanted = target.runs[k]!;
    const code = codes[at]!;
    let found = 1;
    while (at + found < length && codes[at + found] === code && code !== SPACE) found++;
    // A normalized char whose origin spans 3+ units is a collapsed run ('uuu'): emphasis, allowed.
    const collapsed = code !== SPACE && originEnd[at]! - originStart[at]! >= 3;
    const isLastOfPrefix = target.prefix && k === target.runs.length - 1;
    if (!collapsed && wanted > 0) {
      if (found < wanted) return false;
      if (target.strict && found !== wanted && !isLastOfPrefix) return false;
    }
    at += found;
  }
  return true;
}
