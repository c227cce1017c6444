import "server-only";
import { cache } from "react";
import { getCurrentUser } from "@/lib/auth/session";
import { db, type Db } from "@/lib/db/client";
import { isTimeZone, serverTimeZone } from "@/lib/time-zone";

export const DESK_TIME_ZONE_KEY = "timeZone";

/** The desk's zone: the admins' setting, else the server's own. */
export async function getDeskTimeZone(client: Db = db): Promise<{ timeZone: string; isDefault: boolean }> {
  const setting = await client.setting.findUnique({ where: { key: DESK_TIME_ZONE_KEY }, select: { value: true } });
  if (setting && isTimeZone(setting.value)) return { timeZone: setting.value, isDefault: false };
  return { timeZone: serverTimeZone(), isDefault: true };
}

/** The zone this request's reader sees times in: their own choice, else the desk's. Cached per request. */
export const getDisplayTimeZone = cache(async (): Promise<string> => {
  const user = await getCurrentUser();
  const own = user ? (await db.user.findUnique({ where: { id: user.id }, select: { timeZone: true } }))?.timeZone : null;
  if (own && isTimeZone(own)) return own;
  return (await getDeskTimeZone()).timeZone;
});
