import { z } from "zod";
import { isIsoWithinYears, YEARS_MESSAGE } from "@/lib/validation/bounds";

// A date filter as people type it in a URL or a date input: an ISO date (a UTC day) or an ISO
// date-time with a zone. Bounds are half-open: `since` is the first instant included, `until` the
// first excluded, and a bare `until` date includes that whole day. Shared by the audit log and
// the decisions export.

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

export const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export function dateBound(edge: "since" | "until") {
  return z.preprocess(
    blankToUndefined,
    z
      .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: `${edge} must be an ISO date (2026-11-25) or date-time with a zone (2026-11-25T10:00:00Z)` })
      .refine(isIsoWithinYears, `${edge} ${YEARS_MESSAGE}`)
      .transform((text) => {
        const isDay = DATE_ONLY.test(text);
        const date = new Date(isDay ? `${text}T00:00:00Z` : text);
        return isDay && edge === "until" ? new Date(date.getTime() + DAY_MS) : date;
      })
      .optional(),
  );
}

export const sinceBeforeUntil = [
  (bounds: { since?: Date; until?: Date }) => !bounds.since || !bounds.until || bounds.since < bounds.until,
  { message: "since must be before until", path: ["until"] },
] satisfies [unknown, { message: string; path: PropertyKey[] }];
