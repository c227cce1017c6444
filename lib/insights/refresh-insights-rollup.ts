import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { computeDaySummaries, type SqlReader } from "./compute-day-summaries";
import { computeDecisionDaySummaries } from "./compute-decision-day-summaries";
import { addDays, dayOfInstant } from "./date-range";
import { foldLiveDays } from "./fold-live-days";
import { encodeSortedSeconds } from "./stored-seconds";
import { finishRecount, readInsightsZone, syncInsightsZone } from "./insights-zone";

export interface RollupRefresh {
  /** Days recomputed: posted days and decision days. */
  refreshed: number;
  /** Dirty days still waiting (only when stopped by the deadline). */
  remaining: number;
}

type Executor = SqlReader & Pick<Prisma.TransactionClient, "$executeRaw">;

/** Computes one picked day and stores it (or deletes it when the day has nothing left). */
interface RollupKind {
  dirty: Prisma.Sql;
  store: (tx: Executor, day: string, timeZone: string) => Promise<void>;
}

const KINDS: RollupKind[] = [
  {
    dirty: Prisma.raw("insights_dirty_day"),
    store: async (tx, day, timeZone) => {
      const summary = (await computeDaySummaries(tx, [day], timeZone, { sequential: true })).get(day);
      if (!summary || summary.queue[0] === 0) {
        await tx.$executeRaw`DELETE FROM insights_day WHERE day = ${day}::date`;
        return;
      }
      const { articles, ...counts } = summary;
      await tx.$executeRaw`
        INSERT INTO insights_day (day, summary, articles, "refreshedAt") VALUES (${day}::date, ${JSON.stringify(counts)}::jsonb, ${articles}, now())
        ON CONFLICT (day) DO UPDATE SET summary = EXCLUDED.summary, articles = EXCLUDED.articles, "refreshedAt" = EXCLUDED."refreshedAt"`;
    },
  },
  {
    dirty: Prisma.raw("insights_dirty_decision_day"),
    store: async (tx, day, timeZone) => {
      const summary = (await computeDecisionDaySummaries(tx, [day], timeZone)).get(day);
      const isEmpty = !summary || (summary.approved === 0 && Object.keys(summary.reasons).length === 0 && Object.keys(summary.moderators).length === 0);
      if (!summary || isEmpty) {
        await tx.$executeRaw`DELETE FROM insights_decision_day WHERE day = ${day}::date`;
        return;
      }
      const { latency, ...counts } = summary;
      const bytes = encodeSortedSeconds(latency);
      await tx.$executeRaw`
        INSERT INTO insights_decision_day (day, summary, latency, "refreshedAt") VALUES (${day}::date, ${JSON.stringify(counts)}::jsonb, ${bytes}, now())
        ON CONFLICT (day) DO UPDATE SET summary = EXCLUDED.summary, latency = EXCLUDED.latency, "refreshedAt" = EXCLUDED."refreshedAt"`;
    },
  },
];

/**
 * Recomputes the dirty past days of insights_day (posted days) and insights_decision_day
 * (decision days), one day per transaction: the DELETE of the day's dirty row waits for every
 * transaction still changing that day (they hold it FOR KEY SHARE, see migrations insights_rollup
 * and insights_decision_days), so the compute, a later statement, sees all of them; a change
 * after that marks the day dirty again. One day at a time holds one lock at a time: no deadlock
 * with a change spanning several days, and a decision on an old comment waits at most one day's
 * compute. The last three days are left dirty: the page computes them live, and changes to today
 * and yesterday (most decisions) skip the lock (see the migration), safe only for days not refreshed.
 */
export async function refreshInsightsRollup(options: { now?: Date; deadline?: number } = {}): Promise<RollupRefresh> {
  await syncInsightsZone();
  // A day clear of the triggers' unlocked window (today and yesterday by the database's clock, in
  // the zone's days) by a full day, whichever clock is behind: a change would have to stay open a
  // day to race the refresh.
  const settledBefore = addDays(dayOfInstant(options.now ?? new Date(), (await readInsightsZone()).timeZone), -2);
  await pruneRecentDecisions();
  await foldLiveDays({ now: options.now });
  let refreshed = 0;
  // The two kinds take turns, a day each, newest first: after an upgrade or a large import both
  // halves of the default 30 days are stored first, not every posted day before any decision day.
  let waiting = [...KINDS];
  while (waiting.length > 0) {
    for (const kind of [...waiting]) {
      if (options.deadline !== undefined && Date.now() > options.deadline) return { refreshed, remaining: await countDirtySettledDays(settledBefore) };
      if (await refreshNewestDirtyDay(kind, settledBefore)) refreshed += 1;
      else waiting = waiting.filter((other) => other !== kind);
    }
  }
  await finishRecount();
  return { refreshed, remaining: 0 };
}

/** One transaction: picks the newest settled dirty day of the kind, computes and stores it. False when none is left. */
function refreshNewestDirtyDay(kind: RollupKind, settledBefore: string): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      // Read first, in this transaction: a change of zone waits for it to end (insights-zone.ts).
      const { timeZone } = await readInsightsZone(tx);
      const [picked] = await tx.$queryRaw<{ day: string }[]>`
        DELETE FROM ${kind.dirty}
        WHERE day = (SELECT day FROM ${kind.dirty} WHERE day < LEAST(${settledBefore}::date, (now() AT TIME ZONE ${timeZone})::date - 2) ORDER BY day DESC LIMIT 1)
        RETURNING to_char(day, 'YYYY-MM-DD') AS day`;
      if (!picked) return false;
      await kind.store(tx, picked.day, timeZone);
      return true;
    },
    { timeout: 60_000 },
  );
}

/**
 * insights_decided_comment holds the decision days from three days ago (in the zone's days, by the
 * database's clock, as its triggers') on: the day moves and the older rows go in one statement, so a reader sees
 * either the old day and its rows or the new day (read-day-summaries.ts reads the day with the rows).
 */
async function pruneRecentDecisions(): Promise<void> {
  await db.$executeRaw`
    WITH moved AS (
      UPDATE insights_decided_since SET day = (now() AT TIME ZONE insights_zone_now())::date - 3
      WHERE id = 1 AND day < (now() AT TIME ZONE insights_zone_now())::date - 3
      RETURNING day
    )
    DELETE FROM insights_decided_comment WHERE day < (SELECT day FROM moved)`;
  // insights_live_flag is held from the same day (migration insights_live_flags); readers compare
  // its rows' day with it, so a row left behind by a trigger that read the former day is ignored.
  await db.$executeRaw`DELETE FROM insights_live_flag WHERE day < (SELECT day FROM insights_decided_since WHERE id = 1)`;
}

async function countDirtySettledDays(settledBefore: string): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT (SELECT count(*) FROM insights_dirty_day WHERE day < LEAST(${settledBefore}::date, (now() AT TIME ZONE insights_zone_now())::date - 2))::int
         + (SELECT count(*) FROM insights_dirty_decision_day WHERE day < LEAST(${settledBefore}::date, (now() AT TIME ZONE insights_zone_now())::date - 2))::int AS count`;
  return row?.count ?? 0;
}
