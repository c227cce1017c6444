import { decodeFloat8s, encodeFloat8s } from "./sorted-values";

// A decision day's people's import-to-decision seconds, sorted, as stored
// (insights_decision_day.latency, insights_live_decision_day.latency). They were big-endian float8s:
// at 10M comments the 30-day page read 27 days × ~25,000 of them, 5.4 MB of bytea (twice that as
// the hex text PostgreSQL sends), on every load. The seconds are differences of millisecond
// timestamps, so each is a whole number of milliseconds ÷ 1000, and sorted they differ by little:
// stored as a marker byte (0xFF: a float8 never starts with it, it would be a negative NaN) and
// unsigned LEB128 varints, the first value's milliseconds zigzagged, then each difference from the
// previous one. Exact: a value is written this way only when ms ÷ 1000 gives it back bit for bit
// (JS division and PostgreSQL's numeric-to-float8 both round to the nearest double); a day holding
// any other value keeps float8s, and days stored before read as they were.

const MARKER = 0xff;

const zigzag = (value: number) => (value >= 0 ? 2 * value : -2 * value - 1);
const unzigzag = (value: number) => (value % 2 === 0 ? value / 2 : -(value + 1) / 2);

/** Sorted seconds as stored: compact when every value is whole milliseconds, float8s otherwise. */
export function encodeSortedSeconds(values: ArrayLike<number>): Uint8Array {
  if (values.length === 0) return new Uint8Array(0);
  const millis: number[] = [];
  for (let index = 0; index < values.length; index++) {
    const value = values[index]!;
    const ms = Math.round(value * 1000);
    if (!Number.isSafeInteger(2 * Math.abs(ms)) || ms / 1000 !== value || (index > 0 && ms < millis[index - 1]!)) return encodeFloat8s(values);
    millis.push(ms);
  }
  const bytes: number[] = [MARKER];
  const varint = (value: number) => {
    let rest = value;
    while (rest >= 128) {
      bytes.push((rest % 128) + 128);
      rest = Math.floor(rest / 128);
    }
    bytes.push(rest);
  };
  varint(zigzag(millis[0]!));
  for (let index = 1; index < millis.length; index++) varint(millis[index]! - millis[index - 1]!);
  return Uint8Array.from(bytes);
}

/** The stored sorted seconds, in either form. */
export function decodeSortedSeconds(bytes: Uint8Array | null): Float64Array {
  if (!bytes || bytes.length === 0 || bytes[0] !== MARKER) return decodeFloat8s(bytes);
  const values = new Float64Array(bytes.length - 1);
  let count = 0;
  let at = 1;
  let ms = 0;
  while (at < bytes.length) {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (at >= bytes.length) throw new Error(`Stored seconds end inside a number (byte ${at} of ${bytes.length})`);
      const byte = bytes[at++]!;
      value += (byte & 127) * scale;
      if (byte < 128) break;
      scale *= 128;
    }
    ms = count === 0 ? unzigzag(value) : ms + value;
    values[count++] = ms / 1000;
  }
  return values.slice(0, count);
}
