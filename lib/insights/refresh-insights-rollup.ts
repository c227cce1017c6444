import "server-only";
import { db } from "@/lib/db/client";
import { computeDaySummaries } from "./compute-day-summaries";
import { addDays, utcDay } from "./date-range";

export interface RollupRefresh {
  refreshed: number;
  /** Dirty days still waiting (only when stopped by the deadline). */
  remaining: number;
}

/**
 * Recomputes the dirty past days of insights_day, one day per transaction: the DELETE of the
 * day's dirty row waits for every transaction still changing that day (they hold it FOR KEY SHARE,
 * see migration insights_rollup), so the compute, a later statement, sees all of them; a change
 * after that marks the day dirty again. One day at a time holds one lock at a time: no deadlock
 * with a change spanning several days, and a decision on an old comment waits at most one day's
 * compute. The last three days are left dirty: the page computes them live, and changes to today
 * and yesterday (most decisions) skip the lock (see the migration), safe only for days not refreshed.
 */
export async function refreshInsightsRollup(options: { now?: Date; deadline?: number } = {}): Promise<RollupRefresh> {
  // A day clear of the triggers' unlocked window (today and yesterday by the database's clock) by a
  // full day, whichever clock is behind: a change would have to stay open a day to race the refresh.
  const settledBefore = addDays(utcDay(options.now ?? new Date()), -2);
  let refreshed = 0;
  for (;;) {
    if (options.deadline !== undefined && Date.now() > options.deadline) return { refreshed, remaining: await countDirtySettledDays(settledBefore) };
    const done = await db.$transaction(
      async (tx) => {
        const [picked] = await tx.$queryRaw<{ day: string }[]>`
          DELETE FROM insights_dirty_day
          WHERE day = (SELECT day FROM insights_dirty_day WHERE day < LEAST(${settledBefore}::date, (now() AT TIME ZONE 'UTC')::date - 2) ORDER BY day LIMIT 1)
          RETURNING to_char(day, 'YYYY-MM-DD') AS day`;
        if (!picked) return false;
        const summary = (await computeDaySummaries(tx, [picked.day], { sequential: true })).get(picked.day);
        if (!summary || summary.queue[0] === 0) {
          await tx.$executeRaw`DELETE FROM insights_day WHERE day = ${picked.day}::date`;
        } else {
          await tx.$executeRaw`
            INSERT INTO insights_day (day, summary, "refreshedAt") VALUES (${picked.day}::date, ${JSON.stringify(summary)}::jsonb, now())
            ON CONFLICT (day) DO UPDATE SET summary = EXCLUDED.summary, "refreshedAt" = EXCLUDED."refreshedAt"`;
        }
        return true;
      },
      { timeout: 60_000 },
    );
    if (!done) return { refreshed, remaining: 0 };
    refreshed += 1;
  }
}

async function countDirtySettledDays(settledBefore: string): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM insights_dirty_day WHERE day < LEAST(${settledBefore}::date, (now() AT TIME ZONE 'UTC')::date - 2)`;
  return row?.count ?? 0;
}
