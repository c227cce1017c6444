import "server-only";
import { recordAuditEvent, SYSTEM_ACTOR, type AuditActor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDeskTimeZone } from "@/lib/settings/desk-time-zone";
import type { SqlReader } from "./compute-day-summaries";

// Insights counts the calendar days of the desk's time zone (the admins' setting on the Users page,
// else the server's), never a reader's own zone: its days are stored summaries, one set per desk.
// The zone they were counted in is held in insights_zone, which the statement triggers read
// (migration insights_desk_days). Changing it re-counts every day: the stored summaries go, every
// day they covered is marked dirty (so it is computed from the comments, in the new zone, until the
// insights-rollup job stores it again), and the held live days are rebuilt, all in one transaction.
// The page is exact throughout, only slower, and says it is re-counting until the job is done.

export interface InsightsZone {
  timeZone: string;
  /** Set while the days are being re-counted after a change of zone. */
  recountSince: Date | null;
}

export async function readInsightsZone(reader: SqlReader = db): Promise<InsightsZone> {
  const [row] = await reader.$queryRaw<InsightsZone[]>`SELECT "timeZone", "recountSince" FROM insights_zone WHERE id = 1`;
  return row ?? { timeZone: "UTC", recountSince: null };
}

/**
 * Switches Insights to the zone and starts the re-count, in the caller's transaction; false when
 * it already counts in that zone. The ACCESS EXCLUSIVE lock waits for every transaction whose
 * triggers counted a day in the former zone (they hold ACCESS SHARE on insights_zone until they
 * end) and holds off new ones until this commits: no row is stored under a zone it was not
 * counted in. A long import being written delays the switch, and decisions wait behind it.
 */
export async function recountInsightsInZone(tx: Prisma.TransactionClient, timeZone: string, actor: AuditActor): Promise<boolean> {
  await tx.$executeRaw`LOCK TABLE insights_zone IN ACCESS EXCLUSIVE MODE`;
  const before = await readInsightsZone(tx);
  if (before.timeZone === timeZone) return false;
  const [known] = await tx.$queryRaw<{ known: boolean }[]>`SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = ${timeZone}) AS known`;
  if (!known?.known) throw new AppError("INVALID", `The database does not know the time zone "${timeZone}": Insights cannot count its days.`);
  await tx.$executeRaw`UPDATE insights_zone SET "timeZone" = ${timeZone}, "recountSince" = now() WHERE id = 1`;
  // A day of the former zone overlaps the day before, itself and the day after in any other zone
  // (offsets stay within ±14 hours): those are the days that may hold its comments now.
  for (const [stored, dirty] of [["insights_day", "insights_dirty_day"], ["insights_decision_day", "insights_dirty_decision_day"]] as const) {
    await tx.$executeRawUnsafe(`
      INSERT INTO ${dirty} (day)
      SELECT DISTINCT s.day + k FROM (SELECT day FROM ${stored} UNION SELECT day FROM ${dirty}) s CROSS JOIN generate_series(-1, 1) k
      ON CONFLICT DO NOTHING`);
    await tx.$executeRawUnsafe(`DELETE FROM ${stored}`);
  }
  await rebuildHeldDays(tx);
  await recordAuditEvent(tx, {
    actor,
    action: "insights.recount",
    entityType: "setting",
    entityId: "insights_zone",
    details: { before: { timeZone: before.timeZone }, after: { timeZone } },
  });
  return true;
}

/** The live tables, held from three days ago in the new zone, filled from the comments as their migrations did. */
async function rebuildHeldDays(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`UPDATE insights_decided_since SET day = (now() AT TIME ZONE insights_zone_now())::date - 3 WHERE id = 1`;
  await tx.$executeRaw`DELETE FROM insights_decided_comment`;
  await tx.$executeRaw`
    INSERT INTO insights_decided_comment ("commentId", day, status, "decidedById", seconds, "hideAt", "hideId", "hideReason")
    SELECT c.id, insights_local_day(c."decidedAt", insights_zone_now()), c.status, c."decidedById", extract(epoch FROM c."decidedAt" - c."createdAt")::float8, h."createdAt", h.id, h.reason
    FROM comment c
    LEFT JOIN LATERAL (
      SELECT hd."createdAt", hd.id, hd.reason FROM decision hd
      WHERE c.status = 'HIDDEN' AND hd."commentId" = c.id AND hd."toStatus" = 'HIDDEN'
      ORDER BY hd."createdAt" DESC, hd.id DESC LIMIT 1
    ) h ON TRUE
    WHERE c.status IN ('APPROVED', 'HIDDEN')
      AND c."decidedAt" >= insights_day_start((SELECT day FROM insights_decided_since WHERE id = 1), insights_zone_now())`;
  // The live days' folded rows and deltas were counted in the former zone (and the rebuild above
  // appended deltas of its own): gone, computed from the comments and the held decisions until the
  // rollup job's next fold builds them again (fold-live-days.ts).
  for (const table of ["insights_live_article_delta", "insights_live_day", "insights_live_decision_delta", "insights_live_decision_day"]) {
    await tx.$executeRaw`DELETE FROM ${Prisma.raw(table)}`;
  }
  await tx.$executeRaw`DELETE FROM insights_live_flag`;
  await tx.$executeRaw`
    INSERT INTO insights_live_flag ("flagId", "commentId", day, "ruleId", category, status, "byPerson", counted)
    SELECT f.id, c.id, insights_local_day(c."postedAt", insights_zone_now()), f."ruleId", f.category, c.status, c."decidedById" IS NOT NULL, c.priority > 0
    FROM comment c JOIN flag f ON f."commentId" = c.id
    WHERE c."postedAt" >= insights_day_start((SELECT day FROM insights_decided_since WHERE id = 1), insights_zone_now())`;
  // The folded flag days likewise, and the deltas the rebuild above appended.
  await tx.$executeRaw`DELETE FROM insights_live_flag_delta`;
  await tx.$executeRaw`DELETE FROM insights_live_flag_day`;
}

/**
 * The desk's zone, when it is not the one Insights counts in: a desk on the server's default zone
 * (no setting to change), an upgrade from UTC days. Run by the insights-rollup job; an admin's
 * change of the desk's zone switches at once (set-desk-time-zone.ts).
 */
export async function syncInsightsZone(): Promise<boolean> {
  const desk = await getDeskTimeZone();
  if ((await readInsightsZone()).timeZone === desk.timeZone) return false;
  try {
    return await db.$transaction((tx) => recountInsightsInZone(tx, desk.timeZone, SYSTEM_ACTOR), { timeout: 120_000 });
  } catch (error) {
    // The server's own zone unknown to the database: Insights keeps counting the days it counts.
    if (error instanceof AppError && error.code === "INVALID") return false;
    throw error;
  }
}

/** The re-count is over once no settled day is left to store: recorded once, by whoever sees it first. */
export async function finishRecount(): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const [done] = await tx.$queryRaw<{ timeZone: string; recountSince: Date }[]>`
      WITH started AS (SELECT "recountSince" FROM insights_zone WHERE id = 1 AND "recountSince" IS NOT NULL FOR UPDATE)
      UPDATE insights_zone z SET "recountSince" = NULL FROM started WHERE z.id = 1
      RETURNING z."timeZone", started."recountSince"`;
    if (!done) return false;
    await recordAuditEvent(tx, {
      actor: SYSTEM_ACTOR,
      action: "insights.recounted",
      entityType: "setting",
      entityId: "insights_zone",
      details: { timeZone: done.timeZone, startedAt: done.recountSince.toISOString() },
    });
    return true;
  });
}
