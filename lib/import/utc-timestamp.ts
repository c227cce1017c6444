import { parseTimestamp, wallClockToDate } from "./dates";

// Exports write timestamps as Date.toISOString() does ('2015-07-23T18:43:00.000Z'), and most import
// files do too: read by char codes, that form costs a tenth of the general pattern. Same Date as
// parseTimestamp, which reads every other form (utc-timestamp.test.ts compares the two).

const ZERO = 48;
const DIGIT_AT = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];

function digitsAt(value: string, from: number, count: number): number {
  let number = 0;
  for (let k = from; k < from + count; k++) number = number * 10 + value.charCodeAt(k) - ZERO;
  return number;
}

/** 'YYYY-MM-DDTHH:MM:SSZ' or 'YYYY-MM-DDTHH:MM:SS.mmmZ' read directly; anything else as parseTimestamp reads it. */
export function parseUtcTimestamp(value: string): Date | undefined {
  const length = value.length;
  const isCanonical = (length === 20 || (length === 24 && value.charCodeAt(19) === 46 && isDigits(value, 20, 23)))
    && value.charCodeAt(length - 1) === 90 && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45
    && value.charCodeAt(10) === 84 && value.charCodeAt(13) === 58 && value.charCodeAt(16) === 58
    && DIGIT_AT.every((at) => isDigit(value.charCodeAt(at)));
  if (!isCanonical) return parseTimestamp(value);
  return wallClockToDate(
    digitsAt(value, 0, 4), digitsAt(value, 5, 2), digitsAt(value, 8, 2),
    digitsAt(value, 11, 2), digitsAt(value, 14, 2), digitsAt(value, 17, 2), 0,
    length === 24 ? digitsAt(value, 20, 3) : 0,
  );
}

function isDigit(code: number): boolean {
  return code >= ZERO && code <= ZERO + 9;
}

function isDigits(value: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isDigit(value.charCodeAt(k))) return false;
  return true;
}
