// A calendar day as a reader means it: from their local midnight to the next one, as UTC instants.
// Computed with Intl (the runtime's tz database), never a fixed offset: a day can be 23 or 25 hours
// long, and in a few zones (Chile, Cuba, Lebanon) summer time starts at midnight, so that day has no
// 00:00 and begins at 01:00.

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock reading in the zone at that instant, as if it were a UTC time (ms). */
function wallClockMs(instantMs: number, timeZone: string): number {
  let format = wallClocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    wallClocks.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(instantMs))) if (part.type !== "literal") parts[part.type] = Number(part.value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second) + (instantMs % 1000 + 1000) % 1000;
}

function parseDay(day: string): number {
  const match = DAY_PATTERN.exec(day);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) throw new RangeError(`"${day}" is not a calendar day (YYYY-MM-DD)`);
  return ms;
}

/** The first instant of that day in the zone ("2026-12-06", "Asia/Karachi" -> 2026-12-05T19:00:00Z). */
export function startOfDayInZone(day: string, timeZone: string): Date {
  const midnight = parseDay(day);
  // The offsets a day before and after cover both sides of any change near this midnight.
  const candidates = [midnight - DAY_MS, midnight + DAY_MS].map((probe) => midnight - (wallClockMs(probe, timeZone) - probe)).sort((a, b) => a - b);
  const exact = candidates.find((instant) => wallClockMs(instant, timeZone) === midnight);
  if (exact !== undefined) return new Date(exact);
  // No 00:00 that day (clocks jumped over it): the day starts at the jump, the first instant whose
  // wall clock reads that day. Search between the two candidates, to the millisecond.
  let [low = midnight, high = midnight] = candidates;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (wallClockMs(middle, timeZone) >= midnight) high = middle;
    else low = middle;
  }
  return new Date(high);
}

/** The day after, as text: "2026-12-31" -> "2027-01-01". */
export function nextDay(day: string): string {
  return new Date(parseDay(day) + DAY_MS).toISOString().slice(0, 10);
}

/** The day as a half-open range of instants in the zone: [start, end). */
export function dayInZone(day: string, timeZone: string): { start: Date; end: Date } {
  return { start: startOfDayInZone(day, timeZone), end: startOfDayInZone(nextDay(day), timeZone) };
}
