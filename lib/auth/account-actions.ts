"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { defineAction, actorOf } from "@/lib/action";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { changeUserRoleSchema, changeOwnPasswordSchema, resetUserPasswordSchema, setUserDisabledSchema } from "./account-schemas";
import { getAuth } from "./auth";
import { changeOwnPassword } from "./change-own-password";
import { clientAddress } from "./client-address";
import { changeUserRole } from "./change-user-role";
import { resetPassword } from "./reset-password";
import { setUserDisabled } from "./set-user-disabled";

export const setUserDisabledAction = defineAction({
  name: "users.setDisabled",
  input: setUserDisabledSchema,
  permission: "users:manage",
  run: async (input, { user }) => {
    const change = await setUserDisabled(db, input, actorOf(user));
    revalidatePath("/users");
    return change;
  },
});

export const changeUserRoleAction = defineAction({
  name: "users.changeRole",
  input: changeUserRoleSchema,
  permission: "users:manage",
  run: async (input, { user }) => {
    const change = await changeUserRole(db, input, actorOf(user));
    revalidatePath("/users");
    return change;
  },
});

export const resetUserPasswordAction = defineAction({
  name: "users.resetPassword",
  input: resetUserPasswordSchema,
  permission: "users:manage",
  run: async (input, { user }) => {
    const target = await db.user.findUnique({ where: { id: input.userId }, select: { email: true } });
    if (!target) throw new AppError("NOT_FOUND", "No such user.");
    const password = await resetPassword(target.email, actorOf(user));
    revalidatePath("/users");
    return { email: target.email, password };
  },
});

export const changeOwnPasswordAction = defineAction({
  name: "account.changePassword",
  input: changeOwnPasswordSchema,
  permission: "queue:read",
  run: async (input, { user }) => {
    if (!user) throw new AppError("UNAUTHORIZED", "Your session has ended. Sign in again.");
    const requestHeaders = await headers();
    const session = await getAuth().api.getSession({ headers: requestHeaders });
    await changeOwnPassword(db, { userId: user.id, email: user.email, currentPassword: input.currentPassword, newPassword: input.newPassword, keepSessionId: session?.session.id ?? null, ipAddress: clientAddress(requestHeaders) });
    return { changed: true };
  },
});
