// Multi-pattern matcher: an Aho-Corasick automaton compiled to a dense DFA in typed arrays,
// so scanning costs one table lookup per character whatever the number of patterns.

export const MAX_PATTERN_LENGTH = 255;
const RING_MASK = 255;
const SPACE = 32;

export interface Automaton {
  /** Char code → dense symbol id; 0 = a char that no pattern contains. */
  readonly symbolOf: Uint16Array;
  readonly symbolCount: number;
  /** delta[state * symbolCount + symbol] → next state (failure links already folded in). */
  readonly delta: Int32Array;
  /** Pattern id ending exactly at this state, or -1. */
  readonly outPattern: Int32Array;
  /** Nearest proper-suffix state that ends a pattern, or -1. */
  readonly dictLink: Int32Array;
  readonly hasOutput: Uint8Array;
  readonly patternLength: Int32Array;
  readonly stateCount: number;
}

/** Matches found by a scan: pattern id and [start, end) indices into the scanned codes. */
export class MatchBuffer {
  pattern = new Int32Array(64);
  start = new Int32Array(64);
  end = new Int32Array(64);
  count = 0;

  push(pattern: number, start: number, end: number): void {
    if (this.count === this.pattern.length) {
      const size = this.count * 2;
      const grow = (array: Int32Array) => { const next = new Int32Array(size); next.set(array); return next; };
      this.pattern = grow(this.pattern);
      this.start = grow(this.start);
      this.end = grow(this.end);
    }
    this.pattern[this.count] = pattern;
    this.start[this.count] = start;
    this.end[this.count] = end;
    this.count++;
  }
}

/** Patterns must be unique and non-empty; a pattern's id is its index. */
export function buildAutomaton(patterns: readonly string[]): Automaton {
  const symbolOf = new Uint16Array(65536);
  let symbolCount = 1;
  const children: Map<number, number>[] = [new Map()];
  const trieOut: number[] = [-1];
  const patternLength = new Int32Array(patterns.length);
  patterns.forEach((pattern, id) => {
    if (pattern.length === 0 || pattern.length > MAX_PATTERN_LENGTH) {
      throw new RangeError(`pattern ${id} must have 1 to ${MAX_PATTERN_LENGTH} characters`);
    }
    patternLength[id] = pattern.length;
    let state = 0;
    for (let k = 0; k < pattern.length; k++) {
      const code = pattern.charCodeAt(k);
      if (symbolOf[code] === 0) symbolOf[code] = symbolCount++;
      const symbol = symbolOf[code]!;
      let next = children[state]!.get(symbol);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        trieOut.push(-1);
        children[state]!.set(symbol, next);
      }
      state = next;
    }
    if (trieOut[state] !== -1) throw new RangeError(`pattern ${id} duplicates pattern ${trieOut[state]}`);
    trieOut[state] = id;
  });

  const stateCount = children.length;
  const delta = new Int32Array(stateCount * symbolCount);
  const fail = new Int32Array(stateCount);
  const outPattern = Int32Array.from(trieOut);
  const dictLink = new Int32Array(stateCount).fill(-1);
  const queue = new Int32Array(stateCount);
  let head = 0;
  let tail = 0;
  for (const [symbol, child] of children[0]!) {
    delta[symbol] = child;
    queue[tail++] = child;
  }
  // Breadth-first, so every state's failure target is complete before its children need it.
  while (head < tail) {
    const state = queue[head++]!;
    const row = state * symbolCount;
    const failRow = fail[state]! * symbolCount;
    for (let symbol = 0; symbol < symbolCount; symbol++) delta[row + symbol] = delta[failRow + symbol]!;
    for (const [symbol, child] of children[state]!) {
      const childFail = delta[failRow + symbol]!;
      fail[child] = childFail;
      dictLink[child] = outPattern[childFail] !== -1 ? childFail : dictLink[childFail]!;
      delta[row + symbol] = child;
      queue[tail++] = child;
    }
  }
  const hasOutput = new Uint8Array(stateCount);
  for (let state = 0; state < stateCount; state++) {
    hasOutput[state] = outPattern[state] !== -1 || dictLink[state] !== -1 ? 1 : 0;
  }
  return { symbolOf, symbolCount, delta, outPattern, dictLink, hasOutput, patternLength, stateCount };
}

const ring = new Int32Array(RING_MASK + 1);

/**
 * Scans codes[0..length) framed by one virtual space on each side (index -1 and `length`), so
 * patterns written as ' word ' only match whole words. With `squeeze`, a code equal to the one
 * before it is skipped: 'stuupid' is read as 'stupid' (callers verify run lengths if they care).
 */
export function scanAutomaton(
  automaton: Automaton, codes: ArrayLike<number>, length: number, squeeze: boolean, out: MatchBuffer,
): void {
  const { symbolOf, delta, hasOutput, symbolCount } = automaton;
  let fed = 0;
  let state = delta[symbolOf[SPACE]!]!;
  ring[0] = -1;
  if (hasOutput[state] !== 0) reportMatches(automaton, state, fed, out);
  fed++;
  let previous = SPACE;
  for (let i = 0; i < length; i++) {
    const code = codes[i]!;
    if (squeeze && code === previous) continue;
    previous = code;
    state = delta[state * symbolCount + symbolOf[code]!]!;
    ring[fed & RING_MASK] = i;
    if (hasOutput[state] !== 0) reportMatches(automaton, state, fed, out);
    fed++;
  }
  state = delta[state * symbolCount + symbolOf[SPACE]!]!;
  ring[fed & RING_MASK] = length;
  if (hasOutput[state] !== 0) reportMatches(automaton, state, fed, out);
}

function reportMatches(automaton: Automaton, state: number, fed: number, out: MatchBuffer): void {
  const { outPattern, dictLink, patternLength } = automaton;
  for (let at = outPattern[state] !== -1 ? state : dictLink[state]!; at !== -1; at = dictLink[at]!) {
    const pattern = outPattern[at]!;
    const first = fed - patternLength[pattern]! + 1;
    out.push(pattern, ring[first & RING_MASK]!, ring[fed & RING_MASK]! + 1);
  }
}
