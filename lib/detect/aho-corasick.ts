// Multi-pattern matcher: an Aho-Corasick automaton compiled to a dense DFA in typed arrays,
// so scanning (aho-corasick-scan.ts) costs one table lookup per character whatever the number
// of patterns.

export const MAX_PATTERN_LENGTH = 255;
const SPACE = 32;

export interface Automaton {
  /** Char code → dense symbol id; 0 = a char that no pattern contains. */
  readonly symbolOf: Uint16Array;
  readonly symbolCount: number;
  /**
   * The dense DFA (failure links already folded in): rows[state * symbolCount + symbol] is the
   * next state's row offset (next * symbolCount), bit-inverted (negative) when that state ends
   * a pattern, so one load per character says both where to go and whether to report.
   */
  readonly rows: Int32Array;
  /** Pattern id ending exactly at this state, or -1. */
  readonly outPattern: Int32Array;
  /** Nearest proper-suffix state that ends a pattern, or -1. */
  readonly dictLink: Int32Array;
  readonly hasOutput: Uint8Array;
  readonly patternLength: Int32Array;
  readonly stateCount: number;
  /**
   * True when every pattern starts with a space (the term matcher's ' word ' patterns): the
   * root then only leaves on a space, so the scan can skip the rest of a word once it is back
   * at the root, without table lookups.
   */
  readonly rootLeavesOnSpaceOnly: boolean;
  /**
   * With rootLeavesOnSpaceOnly: skipWord[(s1 * symbolCount + s2) * symbolCount + s3] is 1 when
   * ' ' then symbols s1, s2, s3 lead from the root back to it with no match on the way, so a
   * word starting that way cannot start a match (empty when the alphabet is too large).
   */
  readonly skipWord: Uint8Array;
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
  // The scan's table, with states renumbered breadth-first (the queue's order): the shallow
  // states that ordinary words keep visiting then share a compact, cache-resident part of it.
  const newId = new Int32Array(stateCount);
  for (let k = 0; k < tail; k++) newId[queue[k]!] = k + 1;
  const rows = new Int32Array(stateCount * symbolCount);
  const bfsOut = new Int32Array(stateCount).fill(-1);
  const bfsDictLink = new Int32Array(stateCount).fill(-1);
  const bfsHasOutput = new Uint8Array(stateCount);
  for (let old = 0; old < stateCount; old++) {
    const id = newId[old]!;
    bfsOut[id] = outPattern[old]!;
    if (dictLink[old] !== -1) bfsDictLink[id] = newId[dictLink[old]!]!;
    bfsHasOutput[id] = hasOutput[old]!;
    for (let symbol = 0; symbol < symbolCount; symbol++) {
      const next = delta[old * symbolCount + symbol]!;
      const offset = newId[next]! * symbolCount;
      rows[id * symbolCount + symbol] = hasOutput[next] !== 0 ? ~offset : offset;
    }
  }
  let rootLeavesOnSpaceOnly = true;
  for (let symbol = 0; symbol < symbolCount; symbol++) {
    if (symbol !== symbolOf[SPACE] && rows[symbol] !== 0) rootLeavesOnSpaceOnly = false;
  }
  return {
    symbolOf, symbolCount, rows, outPattern: bfsOut, dictLink: bfsDictLink, hasOutput: bfsHasOutput, patternLength, stateCount,
    rootLeavesOnSpaceOnly, skipWord: rootLeavesOnSpaceOnly ? skipWordTable(rows, symbolOf[SPACE]!, symbolCount) : new Uint8Array(0),
  };
}

const MAX_SKIP_SYMBOLS = 64;

function skipWordTable(rows: Int32Array, spaceSymbol: number, symbolCount: number): Uint8Array {
  if (symbolCount > MAX_SKIP_SYMBOLS) return new Uint8Array(0);
  const table = new Uint8Array(symbolCount * symbolCount * symbolCount);
  const afterSpace = rows[spaceSymbol]!;
  if (afterSpace < 0) return table;
  for (let s1 = 0; s1 < symbolCount; s1++) {
    const r1 = rows[afterSpace + s1]!;
    if (r1 < 0) continue;
    for (let s2 = 0; s2 < symbolCount; s2++) {
      const r2 = rows[r1 + s2]!;
      if (r2 < 0) continue;
      for (let s3 = 0; s3 < symbolCount; s3++) {
        if (rows[r2 + s3] === 0) table[(s1 * symbolCount + s2) * symbolCount + s3] = 1;
      }
    }
  }
  return table;
}
