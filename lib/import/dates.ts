import { quoteValue } from "./events";

export const ISO_EXAMPLE = "2015-07-23T18:43:00Z";

const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

export interface TimestampOptions {
  /** Offset applied when the value carries no zone; when undefined, a zone is required. */
  utcOffsetMinutes?: number;
  /** Accept a bare date (2015-07-23) as midnight. */
  allowDateOnly?: boolean;
}

/** Builds a UTC instant from wall-clock parts, rejecting rolled-over values like February 30. */
export function wallClockToDate(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  utcOffsetMinutes: number,
  millis = 0,
): Date | undefined {
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(utc);
  const valid =
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day &&
    check.getUTCHours() === hour &&
    check.getUTCMinutes() === minute;
  if (!valid || !Number.isFinite(utc)) return undefined;
  return new Date(utc - utcOffsetMinutes * 60_000);
}

function zoneOffsetMinutes(zone: string): number {
  if (zone.toUpperCase() === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/** Strict ISO 8601 parsing: `Date.parse` accepts too much ("1", "March 7") to be trusted with imports. */
export function parseTimestamp(value: string, options: TimestampOptions = {}): Date | undefined {
  const match = ISO_PATTERN.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = match;
  if (h === undefined && !options.allowDateOnly) return undefined;
  let offset: number;
  if (zone !== undefined) offset = zoneOffsetMinutes(zone);
  else if (options.utcOffsetMinutes !== undefined) offset = options.utcOffsetMinutes;
  else return undefined;
  const millis = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  return wallClockToDate(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), offset, millis);
}

export function notADateMessage(field: string, value: string, example = ISO_EXAMPLE): string {
  if (value.trim() === "") return `${field} is empty (expected a date like ${example})`;
  return `${field} ${quoteValue(value)} is not a date (expected ISO 8601 like ${example})`;
}
