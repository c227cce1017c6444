"use server";

import { revalidatePath } from "next/cache";
import { defineAction, actorOf } from "@/lib/action";
import { setOwnTimeZone } from "@/lib/auth/set-own-time-zone";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { setDeskTimeZone } from "./set-desk-time-zone";
import { deskTimeZoneSchema, ownTimeZoneSchema } from "./settings-schemas";

export const setDeskTimeZoneAction = defineAction({
  name: "settings.setTimeZone",
  input: deskTimeZoneSchema,
  permission: "users:manage",
  run: async (input, { user }) => {
    await setDeskTimeZone(db, input.timeZone, actorOf(user));
    revalidatePath("/", "layout");
    return { timeZone: input.timeZone };
  },
});

export const setOwnTimeZoneAction = defineAction({
  name: "account.setTimeZone",
  input: ownTimeZoneSchema,
  permission: "queue:read",
  run: async (input, { user }) => {
    if (!user) throw new AppError("UNAUTHORIZED", "Your session has ended. Sign in again.");
    await setOwnTimeZone(db, { userId: user.id, email: user.email, timeZone: input.timeZone });
    revalidatePath("/", "layout");
    return { timeZone: input.timeZone };
  },
});
