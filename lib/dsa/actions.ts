"use server";

import { revalidatePath } from "next/cache";
import { defineAction, actorOf } from "@/lib/action";
import { dsaSettingsSchema } from "./dsa-settings";
import { updateDsaSettings } from "./update-dsa-settings";

export const updateDsaSettingsAction = defineAction({
  name: "dsa.settings.update",
  input: dsaSettingsSchema,
  permission: "dsa:manage",
  run: async (settings, { user }) => {
    const saved = await updateDsaSettings(settings, actorOf(user));
    revalidatePath("/dsa");
    return saved;
  },
});
