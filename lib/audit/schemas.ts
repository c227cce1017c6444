import { z } from "zod";
import { dayFilterZone, UTC } from "@/lib/time-zone";
import { rowIdSchema } from "@/lib/validation/bounds";
import { blankToUndefined, dateBoundFields, resolveDateBounds, sinceBeforeUntil } from "./date-bound";

// The Audit log page's filters, all in the URL (a GET form), so a filtered view can be shared. The
// form sends the reader's zone as `tz`, so a shared link keeps the days its author meant.

const optionalText = (max: number) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max).refine((text) => !text.includes("\u0000"), "must not contain a NUL character").optional());

export const auditFiltersSchema = z
  .object({
    /** Matches the start of the actor label, so an email also finds that person's API-token events. */
    actor: optionalText(200),
    action: optionalText(100),
    entityType: optionalText(50),
    entityId: optionalText(100),
    ...dateBoundFields,
    /** Keyset cursor: events with a smaller id (older) than this. */
    before: z.preprocess(blankToUndefined, rowIdSchema.optional()),
  })
  .transform(resolveDateBounds)
  .refine(...sinceBeforeUntil);

export type AuditFilters = z.output<typeof auditFiltersSchema>;

export const AUDIT_FILTER_KEYS = ["actor", "action", "entityType", "entityId", "since", "until", "tz"] as const;
export type AuditFilterKey = (typeof AUDIT_FILTER_KEYS)[number];
/** The filters as typed (for the form's values and the links of other pages). */
export type RawAuditFilters = Partial<Record<AuditFilterKey, string>>;

/**
 * Parses the page's search params; a malformed URL (an unknown zone too) shows the unfiltered log plus
 * what was wrong. Bare dates are days in the URL's `tz`, else in `readerTimeZone`.
 */
export function parseAuditFilters(
  searchParams: Record<string, string | string[] | undefined>,
  readerTimeZone: string = UTC,
): { filters: AuditFilters; raw: RawAuditFilters; problems: string[]; dayTimeZone: string } {
  const flat = Object.fromEntries(Object.entries(searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const urlZone = flat.tz?.trim();
  // The zone the form offers next time; an unknown zone in the URL is still reported below.
  const dayTimeZone = dayFilterZone(urlZone, readerTimeZone);
  const raw: RawAuditFilters = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = flat[key]?.trim();
    if (value) raw[key] = value;
  }
  const parsed = auditFiltersSchema.safeParse(urlZone ? flat : { ...flat, tz: readerTimeZone });
  if (parsed.success) return { filters: parsed.data, raw, problems: [], dayTimeZone };
  return { filters: {}, raw: {}, problems: parsed.error.issues.map((issue) => `${issue.path.join(".") || "filters"}: ${issue.message}`), dayTimeZone };
}

/** The URL of the page with these filters as typed (and optionally a cursor), without empty values. */
export function auditPageHref(raw: RawAuditFilters, before?: number): string {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) {
    const value = raw[key];
    if (value) params.set(key, value);
  }
  if (before) params.set("before", String(before));
  const query = params.toString();
  return query ? `/audit?${query}` : "/audit";
}
