import { formatTimeThenDay, isTimeZone } from "@/lib/time-zone";

/**
 * An export's recorded filters (describeFilters in ./schemas: ISO instants, the zone bare days were
 * read in, article, moderator, the cursor) in words for the person who downloaded it. The range is shown in the
 * zone its days were read in, else the reader's; the audit event keeps the exact instants.
 */
export function describeExportFiltersForPeople(filters: unknown, readerTimeZone: string): string {
  if (typeof filters !== "object" || filters === null) return "none (every decision)";
  const recorded = filters as Record<string, unknown>;
  const dayZone = typeof recorded.dayTimeZone === "string" && isTimeZone(recorded.dayTimeZone) ? recorded.dayTimeZone : null;
  const zone = dayZone ?? readerTimeZone;
  const instant = (value: unknown) => (typeof value === "string" && !Number.isNaN(Date.parse(value)) ? formatTimeThenDay(new Date(value), zone) : null);
  const parts: string[] = [];
  const since = instant(recorded.since);
  const until = instant(recorded.until);
  if (since) parts.push(`decided from ${since}`);
  if (until) parts.push(`decided before ${until}`);
  if (dayZone && (since || until)) parts.push(`days in ${dayZone}`);
  if (recorded.article !== undefined && recorded.article !== null && recorded.article !== "") parts.push(`article ${String(recorded.article)}`);
  if (typeof recorded.moderator === "string" && recorded.moderator !== "") parts.push(`moderator ${recorded.moderator}`);
  // Not "every decision": only those an earlier export had not returned (export-cursor.ts).
  if (typeof recorded.after === "string" && recorded.after !== "") parts.push("only decisions the export before (its cursor) did not return");
  return parts.length === 0 ? "none (every decision)" : parts.join(", ");
}
