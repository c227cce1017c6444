import { z } from "zod";
import { isTimeZone, UTC } from "@/lib/time-zone";
import { dayInZone } from "@/lib/time-zone-days";
import { isIsoWithinYears, YEARS_MESSAGE } from "@/lib/validation/bounds";

// A date filter as people type it in a URL or a date input: an ISO date (a calendar day) or an ISO
// date-time with a zone. Bounds are half-open: `since` is the first instant included, `until` the
// first excluded, and a bare `until` date includes that whole day. A bare date is a day in `tz`
// (an IANA zone; UTC when absent, as the API and CLI always had it): the dashboard's forms send the
// reader's zone. Shared by the audit log, the decisions export and the DSA statements.

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** The bound as typed and checked; `resolveDateBounds` turns it into an instant once the zone is known. */
export function dateBound(edge: "since" | "until") {
  return z.preprocess(
    blankToUndefined,
    z
      .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: `${edge} must be an ISO date (2026-11-25) or date-time with a zone (2026-11-25T10:00:00Z)` })
      .refine(isIsoWithinYears, `${edge} ${YEARS_MESSAGE}`)
      .optional(),
  );
}

/** The zone bare dates are read in: an IANA name this server knows, or absent (UTC). */
export const dayTimeZone = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .max(64)
    .refine(isTimeZone, { error: (issue) => `tz must be an IANA time zone such as Asia/Karachi or UTC, not "${String(issue.input)}"` })
    .optional(),
);

export const dateBoundFields = { since: dateBound("since"), until: dateBound("until"), tz: dayTimeZone };

function instantOf(text: string, edge: "since" | "until", timeZone: string): Date {
  if (!DATE_ONLY.test(text)) return new Date(text);
  const day = dayInZone(text, timeZone);
  return edge === "since" ? day.start : day.end;
}

export type ResolvedDateBounds<T> = Omit<T, "since" | "until" | "tz"> & { since?: Date; until?: Date; dayTimeZone?: string };

/**
 * The bounds as instants. `dayTimeZone` is set only when a bare date was read in it, so what was
 * actually used can be recorded (an export's audit event) and shown.
 */
export function resolveDateBounds<T extends { since?: string; until?: string; tz?: string }>(input: T): ResolvedDateBounds<T> {
  const { since, until, tz, ...rest } = input;
  const timeZone = tz ?? UTC;
  const resolved: ResolvedDateBounds<T> = { ...rest } as ResolvedDateBounds<T>;
  if (since !== undefined) resolved.since = instantOf(since, "since", timeZone);
  if (until !== undefined) resolved.until = instantOf(until, "until", timeZone);
  if ([since, until].some((text) => text !== undefined && DATE_ONLY.test(text))) resolved.dayTimeZone = timeZone;
  return resolved;
}

export const sinceBeforeUntil = [
  (bounds: { since?: Date; until?: Date }) => !bounds.since || !bounds.until || bounds.since < bounds.until,
  { message: "since must be before until", path: ["until"] },
] satisfies [unknown, { message: string; path: PropertyKey[] }];
