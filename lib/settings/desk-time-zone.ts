import "server-only";
import { db, type Db } from "@/lib/db/client";
import { isTimeZone, serverTimeZone } from "@/lib/time-zone";

// Apart from display-time-zone.ts (which reads the request's session): the insights-rollup job and
// the bench read the desk's zone outside a request.

export const DESK_TIME_ZONE_KEY = "timeZone";

/** The desk's zone: the admins' setting, else the server's own. */
export async function getDeskTimeZone(client: Db = db): Promise<{ timeZone: string; isDefault: boolean }> {
  const setting = await client.setting.findUnique({ where: { key: DESK_TIME_ZONE_KEY }, select: { value: true } });
  if (setting && isTimeZone(setting.value)) return { timeZone: setting.value, isDefault: false };
  return { timeZone: serverTimeZone(), isDefault: true };
}
