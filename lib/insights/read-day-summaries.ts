import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { computeDaySummaries } from "./compute-day-summaries";
import { computeDecisionDaySummaries, computeRecentDecisionDays } from "./compute-decision-day-summaries";
import { addDays, dayOfInstant, type DateRange } from "./date-range";
import type { DaySummary } from "./day-summary";
import type { DecisionDaySummary } from "./decision-day-summary";
import { readLiveDecisionDays } from "./live-decision-days";
import { StoredBytesCache } from "./stored-bytes-cache";
import { decodeSortedSeconds } from "./stored-seconds";

// The range's days: stored summaries for the clean past days, computed live for the last three
// days and for the days changed since their refresh (the dirty tables). Stored and dirty days are
// read in one statement, so one snapshot: every day with comments (or decisions) is in exactly one
// of the two (the refresh swaps a day from dirty to stored in one transaction). Days in neither have
// none. Today, yesterday and the day before are never refreshed (refresh-insights-rollup.ts), so
// they are computed at once, side by side with that read, and left out of it.
// Posted days (insights_day) and decision days (insights_decision_day) work alike.

const TABLES = {
  posted: { stored: Prisma.raw("insights_day"), dirty: Prisma.raw("insights_dirty_day"), bytes: Prisma.raw("s.articles") },
  decision: { stored: Prisma.raw("insights_decision_day"), dirty: Prisma.raw("insights_dirty_decision_day"), bytes: Prisma.raw("s.latency") },
} as const;

// The stored days' bytes this process has read, by row version (stored-bytes-cache.ts): a year of
// a 10M-comment desk's days is about 36 MB of per-article entries and 11 MB of seconds. One per
// process (on globalThis, as the pg pools): Next may bundle this module into several chunks.
const holder = globalThis as unknown as { moddeskStoredBytes?: StoredBytesCache };
const storedBytes = (holder.moddeskStoredBytes ??= new StoredBytesCache(64 * 1024 * 1024));

/** How many stored days' bytes this process holds (for tests). */
export const heldStoredBytes = () => storedBytes.size;

interface StoredRow<T> { day: string; summary: T | null; version: string | null; hasBytes: boolean; bytes: Uint8Array | null }

/** Today, yesterday and the day before (in the range's zone), those in the range. */
function lastThreeDays(range: DateRange, now: Date): string[] {
  const today = dayOfInstant(now, range.timeZone);
  return [addDays(today, -2), addDays(today, -1), today].filter((day) => range.from <= day && day <= range.to);
}

/** The stored days of the range, and its other changed days to compute (the last three left out). */
async function storedAndChangedDays<T>(kind: keyof typeof TABLES, range: DateRange, lastThree: string[]): Promise<{ stored: (StoredRow<T> & { bytes: Uint8Array })[]; changed: string[] }> {
  const { stored, dirty, bytes } = TABLES[kind];
  // The bytes of a day whose version this process holds are not shipped again (NULL).
  const held = storedBytes.held(kind, range.from, range.to);
  const rows = await db.$queryRaw<StoredRow<T>[]>`
    SELECT to_char(s.day, 'YYYY-MM-DD') AS day, s.summary, s.version, s."hasBytes", CASE WHEN k.version IS NULL THEN s.bytes END AS bytes
    FROM (
      SELECT s.day, s.summary, s.xmin::text || ':' || to_char(s."refreshedAt", 'YYYY-MM-DD"T"HH24:MI:SS.US') AS version,
             ${bytes} IS NOT NULL AS "hasBytes", ${bytes} AS bytes
      FROM ${stored} s
      WHERE s.day BETWEEN ${range.from}::date AND ${range.to}::date AND s.day <> ALL(${lastThree}::date[])
        AND NOT EXISTS (SELECT 1 FROM ${dirty} x WHERE x.day = s.day)
    ) s
    LEFT JOIN unnest(${held.days}::date[], ${held.versions}::text[]) k(day, version) ON k.day = s.day AND k.version = s.version
    UNION ALL
    SELECT to_char(x.day, 'YYYY-MM-DD'), NULL, NULL, false, NULL
    FROM ${dirty} x
    WHERE x.day BETWEEN ${range.from}::date AND ${range.to}::date AND x.day <> ALL(${lastThree}::date[])`;
  const result = { stored: [] as (StoredRow<T> & { bytes: Uint8Array })[], changed: [] as string[] };
  for (const row of rows) {
    const key = `${kind}:${row.day}`;
    const found = row.summary && row.hasBytes ? (row.bytes ?? storedBytes.get(key, row.version!)) : null;
    // A stored posted day from before per-article counts (no bytes) is computed live until refreshed.
    if (!row.summary || !found) {
      result.changed.push(row.day);
      continue;
    }
    if (row.bytes) storedBytes.set(key, row.version!, row.bytes);
    result.stored.push({ ...row, bytes: found });
  }
  return result;
}

/** The range's posted days (queue, rules, categories, articles). */
export async function readDaySummaries(range: DateRange, now: Date = new Date()): Promise<DaySummary[]> {
  const lastThree = lastThreeDays(range, now);
  const [{ stored, changed }, recent] = await Promise.all([storedAndChangedDays<Omit<DaySummary, "articles">>("posted", range, lastThree), computeDaySummaries(db, lastThree, range.timeZone)]);
  const older = await computeDaySummaries(db, changed, range.timeZone);
  return [...stored.map((row) => ({ ...row.summary!, articles: row.bytes })), ...recent.values(), ...older.values()];
}

/**
 * The range's decision days (latency, reasons, approvals, moderators). The computed ones come from
 * insights_decided_comment when it holds them (the last three days always do: the cost of a day's
 * decisions), from the comments otherwise (an older day changed since its refresh).
 */
export async function readDecisionDaySummaries(range: DateRange, now: Date = new Date()): Promise<DecisionDaySummary[]> {
  const lastThree = lastThreeDays(range, now);
  const [{ stored, changed }, recent] = await Promise.all([storedAndChangedDays<Omit<DecisionDaySummary, "latency">>("decision", range, lastThree), liveDecisionDays(lastThree)]);
  const held = changed.length > 0 ? await computeRecentDecisionDays(db, changed) : { summaries: new Map<string, DecisionDaySummary>() };
  const computed = [...recent.summaries.values(), ...held.summaries.values()];
  const fromComments = await computeDecisionDaySummaries(db, [...lastThree, ...changed].filter((day) => !recent.summaries.has(day) && !held.summaries.has(day)), range.timeZone);
  return [...stored.map((row) => ({ ...row.summary!, latency: decodeSortedSeconds(row.bytes) })), ...computed, ...fromComments.values()];
}

/** The last three days: folded rows plus deltas (live-decision-days.ts) where the rollup job has built them, the held decisions otherwise. */
async function liveDecisionDays(days: string[]): Promise<{ summaries: Map<string, DecisionDaySummary> }> {
  const folded = await readLiveDecisionDays(db, days);
  const rest = days.filter((day) => !folded.has(day));
  if (rest.length === 0) return { summaries: folded };
  const computed = await computeRecentDecisionDays(db, rest);
  return { summaries: new Map([...folded, ...computed.summaries]) };
}
