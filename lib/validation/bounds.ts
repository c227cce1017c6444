import { z } from "zod";

// What a URL or a body may name before it reaches PostgreSQL. Ids are `integer` columns: a number
// past 2^31-1 is not "no such row" to the database but an error (a 500 before these bounds). Dates
// are checked on years: ISO allows year 0000, JavaScript takes it, PostgreSQL refuses it.

export const MAX_ROW_ID = 2_147_483_647;
export const MIN_INT4 = -2_147_483_648;

/** A positive integer that fits an `integer` id column. */
export function isRowId(value: number): boolean {
  return Number.isSafeInteger(value) && value > 0 && value <= MAX_ROW_ID;
}

/** A row id from text (a path segment): the number, or null when it cannot name a row. */
export function rowIdFrom(text: string): number | null {
  if (!/^\d{1,10}$/.test(text)) return null;
  const id = Number(text);
  return isRowId(id) ? id : null;
}

/** z.coerce'd positive row id, for query strings, form fields and bodies. */
export const rowIdSchema = z.coerce.number().int().positive().max(MAX_ROW_ID, "is not a known id (too large)");
/** A version or count stored as `integer`. */
export const int4Schema = z.coerce.number().int().min(MIN_INT4).max(MAX_ROW_ID);

export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 9999;

export function isWithinYears(date: Date): boolean {
  const time = date.getTime();
  if (!Number.isFinite(time)) return false;
  const year = date.getUTCFullYear();
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
}

/** For ISO date or date-time strings already checked for shape. */
export function isIsoWithinYears(text: string): boolean {
  return isWithinYears(new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text));
}

export const YEARS_MESSAGE = `must be a date between the years ${EARLIEST_YEAR} and ${LATEST_YEAR}`;
