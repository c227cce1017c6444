import "server-only";
import { db } from "@/lib/db/client";
import { dayOfInstant, DEFAULT_DAYS, lastDaysUntil, makeRange, rangeBounds, type DateRange, type RangeRequest } from "./date-range";
import { readInsightsZone } from "./insights-zone";

export interface ResolvedRange extends DateRange {
  /** Which preset link is active; "custom" for explicit dates. */
  preset: "30d" | "90d" | "all" | "custom";
  /** Said above the figures when the range is not what the user asked for. */
  note: string | null;
  /** When the days are being re-counted in `timeZone` after a change of the desk's zone: since then. */
  recountSince: Date | null;
}

/**
 * The default is the last 30 days. An installation whose comments are all older (an imported
 * archive, the 2015 demo thread) and that nobody decided lately would see empty charts, so then
 * the default becomes the 30 days up to the newest comment, and the page says so. Decisions made
 * in the last 30 days keep them (decision figures go by decision day: today's work on an old
 * thread shows today). "All" spans the posting days and the decision days. Min/max/exists use
 * comment(postedAt) and decision(createdAt, id).
 */
export async function resolveDateRange(request: RangeRequest, now: Date = new Date()): Promise<ResolvedRange> {
  const { timeZone, recountSince } = await readInsightsZone();
  return { ...(await resolveInZone(request, now, timeZone)), recountSince };
}

/** The range in the zone Insights counts in: "today" is the zone's today, each day midnight to midnight there. */
async function resolveInZone(request: RangeRequest, now: Date, timeZone: string): Promise<Omit<ResolvedRange, "recountSince">> {
  const today = dayOfInstant(now, timeZone);
  const range = (from: string, to: string) => makeRange(from, to, timeZone);
  const last = (day: string, days: number) => lastDaysUntil(day, days, timeZone);
  switch (request.kind) {
    case "custom":
      return { ...range(request.from, request.to), preset: "custom", note: null };
    case "last":
      return { ...last(today, request.days), preset: request.days === 90 ? "90d" : "30d", note: null };
    case "all": {
      const span = await activitySpan(timeZone);
      return { ...(span ? range(span.first, span.last) : range(today, today)), preset: "all", note: null };
    }
    case "default": {
      const recent = last(today, DEFAULT_DAYS);
      if (await hasCommentsIn(recent)) return { ...recent, preset: "30d", note: null };
      if (await hasDecisionsIn(recent)) {
        return { ...recent, preset: "30d", note: `No comments were posted in the last ${DEFAULT_DAYS} days: the decision figures show the decisions made in them; the posting-day figures are empty.` };
      }
      const span = await postedSpan(timeZone);
      if (!span) return { ...recent, preset: "30d", note: null };
      return {
        ...last(span.last, DEFAULT_DAYS),
        preset: "custom",
        note: `No comments were posted in the last ${DEFAULT_DAYS} days: showing the ${DEFAULT_DAYS} days up to the newest comment.`,
      };
    }
  }
}

async function hasCommentsIn(range: DateRange): Promise<boolean> {
  const { start, end } = rangeBounds(range);
  const [row] = await db.$queryRaw<{ found: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM comment WHERE "postedAt" >= ${start}::timestamp AND "postedAt" < ${end}::timestamp) AS found`;
  return row?.found ?? false;
}

async function hasDecisionsIn(range: DateRange): Promise<boolean> {
  const { start, end } = rangeBounds(range);
  const [row] = await db.$queryRaw<{ found: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM decision WHERE "createdAt" >= ${start}::timestamp AND "createdAt" < ${end}::timestamp) AS found`;
  return row?.found ?? false;
}

async function postedSpan(timeZone: string): Promise<{ first: string; last: string } | null> {
  const [row] = await db.$queryRaw<{ first: Date | null; last: Date | null }[]>`
    SELECT min("postedAt") AS first, max("postedAt") AS last FROM comment`;
  return row?.first && row.last ? { first: dayOfInstant(row.first, timeZone), last: dayOfInstant(row.last, timeZone) } : null;
}

/** The first and last posting day, widened to the first and last decision day. */
async function activitySpan(timeZone: string): Promise<{ first: string; last: string } | null> {
  const [row] = await db.$queryRaw<{ first: Date | null; last: Date | null }[]>`
    SELECT LEAST((SELECT min("postedAt") FROM comment), (SELECT min("createdAt") FROM decision)) AS first,
           GREATEST((SELECT max("postedAt") FROM comment), (SELECT max("createdAt") FROM decision)) AS last`;
  return row?.first && row.last ? { first: dayOfInstant(row.first, timeZone), last: dayOfInstant(row.last, timeZone) } : null;
}
