import { z } from "zod";
import { UTC } from "@/lib/time-zone";
import { nextDay, startOfDayInZone } from "@/lib/time-zone-days";
import { isIsoWithinYears } from "@/lib/validation/bounds";

// The period every insight covers, chosen in the URL (?range=30d|90d|all or ?from=&to=).
// Days are calendar days in the zone Insights counts in (the desk's, insights-zone.ts), from local
// midnight to local midnight (23 or 25 hours on a summer-time change); `to` is included.

export const DEFAULT_DAYS = 30;
const DAY_MS = 86_400_000;

const day = z.iso.date().refine(isIsoWithinYears);
export const rangeParamsSchema = z.object({
  range: z.enum(["30d", "90d", "all"]).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
});
export type RangeParams = z.infer<typeof rangeParamsSchema>;

export type RangeRequest =
  | { kind: "default" }
  | { kind: "last"; days: number }
  | { kind: "all" }
  | { kind: "custom"; from: string; to: string };

/** What the URL asks for; anything malformed falls back to the default. */
export function parseRangeRequest(raw: Record<string, string | string[] | undefined>): RangeRequest {
  const params = rangeParamsSchema.parse({ range: first(raw.range), from: first(raw.from), to: first(raw.to) });
  if (params.from && params.to) return params.from <= params.to ? { kind: "custom", from: params.from, to: params.to } : { kind: "custom", from: params.to, to: params.from };
  if (params.range === "all") return { kind: "all" };
  if (params.range === "90d") return { kind: "last", days: 90 };
  if (params.range === "30d") return { kind: "last", days: 30 };
  return { kind: "default" };
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export type Bucket = "day" | "week";

export interface DateRange {
  /** First day, YYYY-MM-DD, in `timeZone`. */
  from: string;
  /** Last day, included. */
  to: string;
  /** Long ranges are charted per week: a bar per day stops being readable past a few months. */
  bucket: Bucket;
  /** The IANA zone whose days these are. */
  timeZone: string;
}

export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of the instant in the zone, YYYY-MM-DD (18:30Z on 6 Dec is the 7th in Asia/Karachi). */
export function dayOfInstant(date: Date, timeZone: string): string {
  if (timeZone === UTC) return utcDay(date);
  let format = dayFormatters.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormatters.set(timeZone, format);
  }
  return format.format(date);
}

export function addDays(dayText: string, days: number): string {
  return utcDay(new Date(Date.parse(`${dayText}T00:00:00Z`) + days * DAY_MS));
}

/** The `days` days ending with `lastDay`. */
export function lastDaysUntil(lastDay: string, days: number, timeZone: string = UTC): DateRange {
  return makeRange(addDays(lastDay, -(days - 1)), lastDay, timeZone);
}

export function makeRange(from: string, to: string, timeZone: string = UTC): DateRange {
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
  return { from, to, bucket: days > 180 ? "week" : "day", timeZone };
}

/** The first instant of the day in the zone, as an ISO timestamp (UTC). */
export function dayStart(day: string, timeZone: string): string {
  return timeZone === UTC ? `${day}T00:00:00.000Z` : startOfDayInZone(day, timeZone).toISOString();
}

/** [start, end) as ISO timestamps, for SQL on timestamp-without-time-zone columns holding UTC. */
export function rangeBounds(range: DateRange): { start: string; end: string } {
  return { start: dayStart(range.from, range.timeZone), end: dayStart(nextDay(range.to), range.timeZone) };
}

/**
 * Days ('YYYY-MM-DD', any order, repeats allowed) as runs of consecutive days, each [first, last],
 * ascending: today, yesterday and the day before are one run, so one range scan reads them.
 */
export function consecutiveRuns(days: string[]): [string, string][] {
  const runs: [string, string][] = [];
  for (const day of [...new Set(days)].sort()) {
    const last = runs.at(-1);
    if (last && addDays(last[1], 1) === day) last[1] = day;
    else runs.push([day, day]);
  }
  return runs;
}
