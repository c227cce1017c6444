import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { computeDaySummaries } from "./compute-day-summaries";
import { computeDecisionDaySummaries, computeRecentDecisionDays } from "./compute-decision-day-summaries";
import { utcDay, type DateRange } from "./date-range";
import type { DaySummary } from "./day-summary";
import type { DecisionDaySummary } from "./decision-day-summary";
import { decodeFloat8s } from "./sorted-values";

// The range's days: stored summaries for the clean past days, computed live for today and for
// the days changed since their refresh (the dirty tables). Stored and dirty days are read in one
// statement, so one snapshot: every day with comments (or decisions) is in exactly one of the two
// (the refresh swaps a day from dirty to stored in one transaction). Days in neither have none.
// Posted days (insights_day) and decision days (insights_decision_day) work alike.

const TABLES = {
  posted: { stored: Prisma.raw("insights_day"), dirty: Prisma.raw("insights_dirty_day"), bytes: Prisma.raw("s.articles") },
  decision: { stored: Prisma.raw("insights_decision_day"), dirty: Prisma.raw("insights_dirty_decision_day"), bytes: Prisma.raw("s.latency") },
} as const;

interface StoredRow<T> { day: string; summary: T | null; bytes: Uint8Array | null }

async function storedAndLiveDays<T>(kind: keyof typeof TABLES, range: DateRange, today: string): Promise<{ stored: StoredRow<T>[]; live: string[] }> {
  const { stored, dirty, bytes } = TABLES[kind];
  const rows = await db.$queryRaw<StoredRow<T>[]>`
    SELECT to_char(s.day, 'YYYY-MM-DD') AS day, s.summary, ${bytes} AS bytes
    FROM ${stored} s
    WHERE s.day BETWEEN ${range.from}::date AND ${range.to}::date AND s.day <> ${today}::date
      AND NOT EXISTS (SELECT 1 FROM ${dirty} x WHERE x.day = s.day)
    UNION ALL
    SELECT to_char(x.day, 'YYYY-MM-DD'), NULL, NULL
    FROM ${dirty} x
    WHERE x.day BETWEEN ${range.from}::date AND ${range.to}::date AND x.day <> ${today}::date`;
  // A stored posted day from before per-article counts (bytes NULL) is computed live until refreshed.
  const live = rows.filter((row) => !row.summary || !row.bytes).map((row) => row.day);
  if (range.from <= today && today <= range.to) live.push(today);
  return { stored: rows.filter((row) => row.summary && row.bytes), live };
}

/** The range's posted days (queue, rules, categories, articles). */
export async function readDaySummaries(range: DateRange, now: Date = new Date()): Promise<DaySummary[]> {
  const { stored, live } = await storedAndLiveDays<Omit<DaySummary, "articles">>("posted", range, utcDay(now));
  const computed = await computeDaySummaries(db, live);
  return [...stored.map((row) => ({ ...row.summary!, articles: row.bytes! })), ...computed.values()];
}

/**
 * The range's decision days (latency, reasons, approvals, moderators). The live ones come from
 * insights_decided_comment when it holds them (today, yesterday and the day before always do: the
 * cost of a day's decisions), from the comments otherwise (an older day changed since its refresh).
 */
export async function readDecisionDaySummaries(range: DateRange, now: Date = new Date()): Promise<DecisionDaySummary[]> {
  const { stored, live } = await storedAndLiveDays<Omit<DecisionDaySummary, "latency">>("decision", range, utcDay(now));
  const recent = await computeRecentDecisionDays(db, live);
  const older = await computeDecisionDaySummaries(db, live.filter((day) => !recent.summaries.has(day)));
  return [...stored.map((row) => ({ ...row.summary!, latency: decodeFloat8s(row.bytes) })), ...recent.summaries.values(), ...older.values()];
}
