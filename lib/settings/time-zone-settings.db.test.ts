import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { createUser } from "@/lib/auth/create-user";
import { setOwnTimeZone } from "@/lib/auth/set-own-time-zone";
import { db } from "@/lib/db/client";
import { serverTimeZone } from "@/lib/time-zone";
import { DESK_TIME_ZONE_KEY, getDeskTimeZone } from "./display-time-zone";
import { setDeskTimeZone } from "./set-desk-time-zone";

describe("time zone settings", () => {
  it("the desk's zone defaults to the server's, is set by an admin and audited with before and after", async () => {
    await db.setting.deleteMany({ where: { key: DESK_TIME_ZONE_KEY } });
    expect(await getDeskTimeZone(db)).toEqual({ timeZone: serverTimeZone(), isDefault: true });
    await setDeskTimeZone(db, "Asia/Karachi", SYSTEM_ACTOR);
    expect(await getDeskTimeZone(db)).toEqual({ timeZone: "Asia/Karachi", isDefault: false });
    await setDeskTimeZone(db, "Europe/London", SYSTEM_ACTOR);
    const last = await db.auditEvent.findFirst({ where: { action: "settings.time_zone" }, orderBy: { id: "desc" }, select: { details: true } });
    expect(last?.details).toEqual({ before: { timeZone: "Asia/Karachi" }, after: { timeZone: "Europe/London" } });
    await expect(setDeskTimeZone(db, "Mars/Olympus", SYSTEM_ACTOR)).rejects.toMatchObject({ code: "INVALID" });
    expect((await getDeskTimeZone(db)).timeZone).toBe("Europe/London");
  });

  it("a user overrides the desk's zone and can go back to it", async () => {
    const user = await createUser(db, { email: `tz-${randomBytes(4).toString("hex")}@test.example`, role: "moderator" }, SYSTEM_ACTOR);
    await setOwnTimeZone(db, { userId: user.id, email: user.email, timeZone: "America/New_York" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).timeZone).toBe("America/New_York");
    await expect(setOwnTimeZone(db, { userId: user.id, email: user.email, timeZone: "Nowhere/Land" })).rejects.toMatchObject({ code: "INVALID" });
    await setOwnTimeZone(db, { userId: user.id, email: user.email, timeZone: null });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).timeZone).toBeNull();
  });
});
