import "server-only";
import { cache } from "react";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { isTimeZone } from "@/lib/time-zone";
import { getDeskTimeZone } from "./desk-time-zone";

export { DESK_TIME_ZONE_KEY, getDeskTimeZone } from "./desk-time-zone";

/** The zone this request's reader sees times in: their own choice, else the desk's. Cached per request. */
export const getDisplayTimeZone = cache(async (): Promise<string> => {
  const user = await getCurrentUser();
  const own = user ? (await db.user.findUnique({ where: { id: user.id }, select: { timeZone: true } }))?.timeZone : null;
  if (own && isTimeZone(own)) return own;
  return (await getDeskTimeZone()).timeZone;
});
