// Exact percentiles over the union of per-day sorted values without merging them: a decision
// day's summary keeps its people's import-to-decision seconds sorted (insights_decision_day.latency,
// big-endian float8s), and a range's median is the k-th value of the union of its days.

/** Big-endian float8s (PostgreSQL's float8send) into numbers; their order is kept. */
export function decodeFloat8s(bytes: Uint8Array | null): Float64Array {
  if (!bytes || bytes.length === 0) return new Float64Array(0);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values = new Float64Array(bytes.byteLength / 8);
  for (let index = 0; index < values.length; index++) values[index] = view.getFloat64(index * 8, false);
  return values;
}

/** Numbers as big-endian float8s (insights_decision_day.latency). */
export function encodeFloat8s(values: ArrayLike<number>): Uint8Array {
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < values.length; index++) view.setFloat64(index * 8, values[index]!, false);
  return bytes;
}

function lowerBound(values: Float64Array, target: number, low: number, high: number): number {
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

function upperBound(values: Float64Array, target: number, low: number, high: number): number {
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! <= target) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The k-th smallest (0-based) value of the union of ascending arrays. Each step takes the middle
 * of the largest remaining window as pivot and keeps the side holding rank k, so that window
 * halves: O(arrays × log² values), never a merge of the values.
 */
export function kthOfSorted(arrays: readonly Float64Array[], rank: number): number {
  const low = arrays.map(() => 0);
  const high = arrays.map((values) => values.length);
  let k = rank;
  for (;;) {
    let widest = -1;
    let width = 0;
    for (let index = 0; index < arrays.length; index++) {
      if (high[index]! - low[index]! > width) {
        width = high[index]! - low[index]!;
        widest = index;
      }
    }
    if (widest < 0) throw new RangeError(`rank ${rank} is past the values`);
    const pivot = arrays[widest]![low[widest]! + (width >>> 1)]!;
    const below = arrays.map((values, index) => lowerBound(values, pivot, low[index]!, high[index]!));
    const upTo = arrays.map((values, index) => upperBound(values, pivot, low[index]!, high[index]!));
    const less = below.reduce((sum, end, index) => sum + end - low[index]!, 0);
    const lessOrEqual = upTo.reduce((sum, end, index) => sum + end - low[index]!, 0);
    if (k < less) {
      below.forEach((end, index) => (high[index] = end));
    } else if (k < lessOrEqual) {
      return pivot;
    } else {
      k -= lessOrEqual;
      upTo.forEach((end, index) => (low[index] = end));
    }
  }
}

/** percentile_cont over the union: linear interpolation between the two nearest ranks, as PostgreSQL. */
export function percentileOfSorted(arrays: readonly Float64Array[], fraction: number): number | null {
  const count = arrays.reduce((sum, values) => sum + values.length, 0);
  if (count === 0) return null;
  const position = fraction * (count - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = kthOfSorted(arrays, lower);
  if (lower === upper) return low;
  const high = kthOfSorted(arrays, upper);
  return low + (high - low) * (position - lower);
}
