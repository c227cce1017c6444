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
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  const hour = digitsAt(value, 11, 2);
  const minute = digitsAt(value, 14, 2);
  const second = digitsAt(value, 17, 2);
  const millis = length === 24 ? digitsAt(value, 20, 3) : 0;
  // Years below 100 mean 19xx to Date.UTC: wallClockToDate refuses them, and decides them here too.
  if (year < 100) return wallClockToDate(year, month, day, hour, minute, second, 0, millis);
  // What wallClockToDate's round trip accepts, without building two Dates: a second past 59 rolls
  // the minute over, so it fails there too.
  const isValid = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59;
  return isValid ? new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis)) : undefined;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && isLeap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

function isDigit(code: number): boolean {
  return code >= ZERO && code <= ZERO + 9;
}

function isDigits(value: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isDigit(value.charCodeAt(k))) return false;
  return true;
}
