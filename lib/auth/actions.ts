"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction, actorOf } from "@/lib/action";
import { getCurrentUser } from "./session";
import { db } from "@/lib/db/client";
import { clientAddress } from "./client-address";
import { createUser } from "./create-user";
import { safeReturnPath } from "./return-path";
import { createUserSchema, signInSchema } from "./schemas";
import { signIn } from "./sign-in";
import { signOut } from "./sign-out";
import { startSsoSignIn } from "./sso-sign-in";

export const signInAction = defineAction({
  name: "auth.signIn",
  input: signInSchema,
  permission: "public",
  run: async (input) => {
    const requestHeaders = await headers();
    await signIn({ email: input.email, password: input.password, headers: requestHeaders, ipAddress: clientAddress(requestHeaders) });
    redirect(safeReturnPath(input.next));
  },
});

/** "Sign in with <provider>": off to the OpenID Connect provider, back through /api/auth/callback/oidc. */
export const startSsoSignInAction = defineAction({
  name: "auth.startSsoSignIn",
  input: z.object({ next: z.string().max(2048).optional() }),
  permission: "public",
  run: async (input) => {
    redirect(await startSsoSignIn(input.next, await headers()));
  },
});

export const signOutAction = defineAction({
  name: "auth.signOut",
  input: z.object({}),
  permission: "queue:read",
  run: async () => {
    const user = await getCurrentUser();
    if (user) await signOut(user, await headers());
    redirect("/sign-in");
  },
});

export const createUserAction = defineAction({
  name: "users.create",
  input: createUserSchema,
  permission: "users:manage",
  run: async (input, { user }) => {
    const actor = actorOf(user);
    const created = await createUser(db, input, actor);
    revalidatePath("/users");
    return { email: created.email, role: created.role, password: created.password };
  },
});
