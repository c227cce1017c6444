import type { RE2JS } from "re2js";

// The parts of re2js's lazy DFA (2.x, build/index.js: class DFA) read here. Not its public API:
// every one is checked when a pattern is wrapped, and a pattern whose DFA lacks one is tested by
// RE2JS.test() as before (compact-dfa.test.ts compares the two on generated text).
interface Re2jsDfaState {
  isMatch: boolean;
  /** The NFA threads still alive: none in an anchored search means no match can follow. */
  nfaStates?: ArrayLike<number>;
}
interface Re2jsDfa {
  failed: boolean;
  numClasses: number;
  latin1Class: Int32Array;
  runeClass(rune: number): number;
  start(input: { context(pos: number): number; step(pos: number): number }, pos: number): Re2jsDfaState | null;
  step(state: Re2jsDfaState, cls: number, rune: number, anchor: number): Re2jsDfaState | null;
}
interface Re2jsProgram {
  dfa?: Re2jsDfa;
  prog?: { numLb?: number };
}

const UNANCHORED = 0;
const ANCHOR_START = 1;
/** The rune re2js's DFA steps on at the end of the text, in its last class (numClasses). */
const END_TEXT = -1;
/** re2js's empty-width context at position 0: EMPTY_BEGIN_TEXT | EMPTY_BEGIN_LINE. */
const AT_TEXT_START = 4 | 1;
const TEXT_START_INPUT = { context: () => AT_TEXT_START, step: () => -1 };
/**
 * Past this many table entries (1 MB; at most 4,096 states) the table starts over: a pathological
 * pattern or text must not grow it forever. The default pack's DFAs keep under 1,500 states.
 */
const MAX_ENTRIES = 1 << 18;
const MAX_STATES = 4096;
const UNKNOWN = -1;
const GIVE_UP = -2;
/** In `next`, the entry of a transition into a match state (the search is over: its id is never needed). */
const MATCHED = -3;
/** In `next` of an anchored instance, the entry of a transition into a state with no thread left. */
const DEAD = -4;

/**
 * RE2JS.test() on windows of text, through a copy of the pattern's own DFA transitions in one
 * typed array. re2js keeps its DFA states as objects holding arrays of next states: a window
 * costs two dependent reads of scattered heap memory per character, and on a comment stream
 * (between windows the normalizer, the term automaton and the classifier's tables have evicted
 * them) most of those reads miss the cache. Here a transition is one read in a small Int32Array.
 * Every transition is still computed by re2js (DFA.step, on first use), so the answer is the one
 * re2js's DFA gives, which is RE2JS.test()'s. Text with surrogates, a DFA out of memory, or a
 * re2js without these internals: RE2JS.test() itself.
 */
export class CompactDfa {
  private readonly dfa: Re2jsDfa | null;
  private states: Re2jsDfaState[] = [];
  private ids = new Map<Re2jsDfaState, number>();
  private isMatch = new Uint8Array(64);
  /** 1 for a state with no thread left (anchored searches only): the search has failed. */
  private isDead = new Uint8Array(64);
  /**
   * next[state * width + class]: the next state's id, or MATCHED or DEAD for such a state, or
   * UNKNOWN: so one read per character says where to go and whether the search is over.
   */
  private next = new Int32Array(0);
  private readonly width: number;
  private readonly maxStates: number;
  private readonly runeCodes = new Int32Array(256).fill(-1);
  private readonly runeClasses = new Int32Array(256);
  private startId = UNKNOWN;

  /**
   * `anchored`: the match must start at the first char read (RE2's ANCHOR_START: no new thread
   * after it), and a search stops as soon as no thread is left. For anchored use only
   * `testFrom`; the fallback for it is the caller's.
   */
  constructor(private readonly pattern: RE2JS, private readonly anchored = false) {
    this.dfa = usableDfa(pattern);
    this.width = this.dfa === null ? 0 : this.dfa.numClasses + 1;
    this.maxStates = Math.max(16, Math.min(MAX_STATES, Math.floor(MAX_ENTRIES / Math.max(1, this.width))));
    this.reset();
  }

  /** RE2JS.test(text). */
  test(text: string): boolean {
    const result = this.run(text, null, 0, 0, "");
    return result === GIVE_UP ? this.pattern.test(text) : result === 1;
  }

  /**
   * Whether the pattern matches text.slice(start) (anchored at its start, for an anchored
   * instance): true, false, or null when re2js must answer (surrogates, DFA out of memory).
   */
  testFrom(text: string, start: number): boolean | null {
    if (this.dfa === null) return null;
    let state = this.startId === UNKNOWN ? this.startState() : this.startId;
    if (state < 0) return null;
    for (let k = start; k < text.length; k++) {
      state = this.advance(state, text.charCodeAt(k));
      if (state < 0) return state === GIVE_UP ? null : state === MATCHED;
    }
    const last = this.transition(state, this.width - 1, END_TEXT);
    if (last === GIVE_UP) return null;
    return last === MATCHED;
  }

  /**
   * RE2JS.test() of `head` + the chars of codes[from, to) + `tail`, without building that string
   * unless the table cannot answer.
   */
  testParts(head: string, codes: Uint16Array, from: number, to: number, tail: string): boolean {
    const result = this.run(head, codes, from, to, tail);
    if (result !== GIVE_UP) return result === 1;
    return this.pattern.test(head + String.fromCharCode.apply(null, codes.subarray(from, to) as unknown as number[]) + tail);
  }

  /** 1 match, 0 none, GIVE_UP when re2js must answer. */
  private run(head: string, codes: Uint16Array | null, from: number, to: number, tail: string): number {
    if (this.dfa === null) return GIVE_UP;
    let state = this.startId === UNKNOWN ? this.startState() : this.startId;
    if (state < 0) return GIVE_UP;
    // (Never DEAD here: only anchored instances mark dead states, and they only run testFrom.)
    for (let k = 0; k < head.length; k++) {
      state = this.advance(state, head.charCodeAt(k));
      if (state < 0) return state === GIVE_UP ? GIVE_UP : 1;
    }
    if (codes !== null) {
      for (let k = from; k < to; k++) {
        state = this.advance(state, codes[k]!);
        if (state < 0) return state === GIVE_UP ? GIVE_UP : 1;
      }
    }
    for (let k = 0; k < tail.length; k++) {
      state = this.advance(state, tail.charCodeAt(k));
      if (state < 0) return state === GIVE_UP ? GIVE_UP : 1;
    }
    const last = this.transition(state, this.width - 1, END_TEXT);
    if (last === GIVE_UP) return GIVE_UP;
    return last === MATCHED ? 1 : 0;
  }

  /** The next state's id; MATCHED or DEAD when the search is over, GIVE_UP when re2js must answer. */
  private advance(state: number, code: number): number {
    if (code >= 0xd800 && code <= 0xdfff) return GIVE_UP;
    const cls = code <= 0xff ? this.dfa!.latin1Class[code]! : this.classOfRune(code);
    const next = this.next[state * this.width + cls]!;
    return next === UNKNOWN ? this.transition(state, cls, code) : next;
  }

  /** re2js's class of a rune past Latin-1 (a binary search), remembered per low byte: scripts cluster. */
  private classOfRune(code: number): number {
    const at = code & 0xff;
    if (this.runeCodes[at] === code) return this.runeClasses[at]!;
    const cls = this.dfa!.runeClass(code);
    this.runeCodes[at] = code;
    this.runeClasses[at] = cls;
    return cls;
  }

  private transition(state: number, cls: number, rune: number): number {
    const cached = this.next[state * this.width + cls]!;
    if (cached !== UNKNOWN) return cached;
    const nextState = this.dfa!.step(this.states[state]!, cls, rune, this.anchored ? ANCHOR_START : UNANCHORED);
    if (nextState === null) return GIVE_UP;
    if (this.states.length >= this.maxStates && !this.ids.has(nextState)) {
      // Start over: ids of the old table mean nothing in the new one.
      this.reset();
      return GIVE_UP;
    }
    const id = this.idOf(nextState);
    const entry = this.isMatch[id] === 1 ? MATCHED : this.isDead[id] === 1 ? DEAD : id;
    this.next[state * this.width + cls] = entry;
    return entry;
  }

  private startState(): number {
    const start = this.dfa!.start(TEXT_START_INPUT, 0);
    if (start === null) return GIVE_UP;
    this.startId = this.idOf(start);
    return this.startId;
  }

  private idOf(state: Re2jsDfaState): number {
    const known = this.ids.get(state);
    if (known !== undefined) return known;
    const id = this.states.length;
    this.states.push(state);
    this.ids.set(state, id);
    if (id >= this.isMatch.length) {
      const grown = new Uint8Array(this.isMatch.length * 2);
      grown.set(this.isMatch);
      this.isMatch = grown;
      const grownDead = new Uint8Array(this.isDead.length * 2);
      grownDead.set(this.isDead);
      this.isDead = grownDead;
    }
    this.isMatch[id] = state.isMatch ? 1 : 0;
    this.isDead[id] = this.anchored && !state.isMatch && state.nfaStates !== undefined && state.nfaStates.length === 0 ? 1 : 0;
    if ((id + 1) * this.width > this.next.length) {
      const grown = new Int32Array(Math.min(this.maxStates * this.width, Math.max(64 * this.width, this.next.length * 2))).fill(UNKNOWN);
      grown.set(this.next);
      this.next = grown;
    }
    return id;
  }

  private reset(): void {
    this.states = [];
    this.ids = new Map();
    this.isMatch = new Uint8Array(64);
    this.isDead = new Uint8Array(64);
    this.next = new Int32Array(64 * this.width).fill(UNKNOWN);
    this.startId = UNKNOWN;
  }
}

function usableDfa(pattern: RE2JS): Re2jsDfa | null {
  const program = pattern.re2() as unknown as Re2jsProgram;
  const dfa = program.dfa;
  if (dfa === undefined || dfa === null || dfa.failed || (program.prog?.numLb ?? 1) !== 0) return null;
  const hasInternals = typeof dfa.step === "function" && typeof dfa.start === "function" && typeof dfa.runeClass === "function" &&
    dfa.latin1Class instanceof Int32Array && dfa.latin1Class.length === 256 && Number.isInteger(dfa.numClasses);
  return hasInternals ? dfa : null;
}
