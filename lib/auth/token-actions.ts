"use server";

import { revalidatePath } from "next/cache";
import { defineAction, actorOf } from "@/lib/action";
import { createApiToken, revokeApiToken } from "./api-token";
import { createApiTokenSchema, revokeApiTokenSchema } from "./token-schemas";

export const createApiTokenAction = defineAction({
  name: "tokens.create",
  input: createApiTokenSchema,
  permission: "tokens:manage",
  run: async (input, { user }) => {
    if (!user) throw new Error("tokens.create ran without a user");
    const created = await createApiToken(input, { id: user.id, label: user.email });
    revalidatePath("/tokens");
    return { id: created.id, name: input.name, token: created.token, scopes: created.scopes };
  },
});

export const revokeApiTokenAction = defineAction({
  name: "tokens.revoke",
  input: revokeApiTokenSchema,
  permission: "tokens:manage",
  run: async (input, { user }) => {
    await revokeApiToken(input.id, actorOf(user));
    revalidatePath("/tokens");
    return { id: input.id };
  },
});
