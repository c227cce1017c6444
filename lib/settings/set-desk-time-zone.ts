import "server-only";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recountInsightsInZone } from "@/lib/insights/insights-zone";
import { isTimeZone } from "@/lib/time-zone";
import { DESK_TIME_ZONE_KEY } from "./desk-time-zone";

/**
 * Sets the desk's display zone (audited with before and after). Stored data and exports stay UTC;
 * Insights, which counts the desk's days, starts re-counting them in the new zone in the same
 * transaction (lib/insights/insights-zone.ts).
 */
export async function setDeskTimeZone(db: Db, timeZone: string, actor: AuditActor): Promise<void> {
  if (!isTimeZone(timeZone)) throw new AppError("INVALID", `"${timeZone}" is not a time zone this server knows (e.g. Europe/London, Asia/Karachi).`);
  await db.$transaction(async (tx) => {
    const before = await tx.setting.findUnique({ where: { key: DESK_TIME_ZONE_KEY }, select: { value: true } });
    await tx.setting.upsert({ where: { key: DESK_TIME_ZONE_KEY }, create: { key: DESK_TIME_ZONE_KEY, value: timeZone }, update: { value: timeZone } });
    await recordAuditEvent(tx, { actor, action: "settings.time_zone", entityType: "setting", entityId: DESK_TIME_ZONE_KEY, details: { before: { timeZone: before?.value ?? null }, after: { timeZone } } });
    await recountInsightsInZone(tx, timeZone, actor);
  }, { timeout: 120_000 });
}
