import { Prisma } from "@/lib/generated/prisma/client";
import { consecutiveRuns, dayStart } from "./date-range";
import { nextDay } from "@/lib/time-zone-days";

// The day, in a zone, of a UTC timestamp column, without converting each row's time zone: that
// conversion cost PostgreSQL about 2.5 µs a row on the loaded bench machine, 2.4× the cost of the
// whole per-(day, article) grouping of the live days, a cost growing with their comments. Within a
// stretch of whole 24-hour days at one offset, the day is (t + offset)::date, as cheap as the UTC
// cast; a summer-time day (23 or 25 hours) is named outright. The stretches are found here, once
// per query, from the days' midnights in the zone (dayStart), and become a short CASE on the
// timestamp: one branch per stretch, a stretch per run of days plus two per summer-time change.

const DAY_MS = 86_400_000;

export interface DaySegment {
  /** The first instant after the stretch, ISO (UTC). */
  end: string;
  /** For whole days at one offset: the wall clock minus UTC, in seconds. */
  shiftSeconds: number | null;
  /** For a day of another length: the day itself. */
  day: string | null;
}

/** The days (any order) as ascending stretches; a row of one of the days falls in the first stretch it ends before. */
export function daySegments(days: string[], timeZone: string): DaySegment[] {
  const segments: DaySegment[] = [];
  for (const [first, last] of consecutiveRuns(days)) {
    let isContiguous = false;
    for (let day = first; day <= last; day = nextDay(day)) {
      const start = Date.parse(dayStart(day, timeZone));
      const end = dayStart(nextDay(day), timeZone);
      const previous = segments.at(-1);
      if (Date.parse(end) - start !== DAY_MS) {
        segments.push({ end, shiftSeconds: null, day });
      } else {
        const shiftSeconds = (Date.parse(`${day}T00:00:00Z`) - start) / 1000;
        if (isContiguous && previous && previous.shiftSeconds === shiftSeconds) previous.end = end;
        else segments.push({ end, shiftSeconds, day: null });
      }
      isContiguous = true;
    }
  }
  return segments;
}

/** The day a segment gives an instant (the JS twin of the SQL below, for tests). */
export function dayInSegments(instant: Date, segments: DaySegment[]): string | null {
  const segment = segments.find((candidate) => instant.getTime() < Date.parse(candidate.end));
  if (!segment) return null;
  return segment.day ?? new Date(instant.getTime() + segment.shiftSeconds! * 1000).toISOString().slice(0, 10);
}

/**
 * The SQL for the day of `column` (a UTC timestamp) among `days` in the zone. Literals only (dates,
 * instants and whole seconds written here, never user text): a GROUP BY must repeat it exactly.
 */
export function zoneDaySql(column: string, days: string[], timeZone: string): Prisma.Sql {
  const of = (segment: DaySegment) =>
    segment.day !== null ? `'${segment.day}'::date` : segment.shiftSeconds === 0 ? `${column}::date` : `(${column} + interval '${segment.shiftSeconds} seconds')::date`;
  const segments = daySegments(days, timeZone);
  const last = segments.at(-1);
  if (!last) return Prisma.raw(`${column}::date`);
  if (segments.length === 1) return Prisma.raw(of(last));
  const branches = segments.slice(0, -1).map((segment) => `WHEN ${column} < '${segment.end}'::timestamp THEN ${of(segment)}`);
  return Prisma.raw(`(CASE ${branches.join(" ")} ELSE ${of(last)} END)`);
}
