import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import { getAuth } from "./auth";
import { can, isRole, type Permission, type Role } from "./policy";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** The signed-in, enabled user of this request, or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getAuth().api.getSession({ headers: await headers() });
  if (!session) return null;
  const { user } = session;
  const role: unknown = (user as { role?: unknown }).role;
  if (!isRole(role) || (user as { disabledAt?: Date | null }).disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, role };
});

/** For pages: anonymous → sign-in; signed in without the permission → 403 page. */
export async function requirePagePermission(permission: Permission, returnTo: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  if (!can(user.role, permission)) {
    forbidden();
  }
  return user;
}

/** For server actions: throws AppError, which the action wrapper turns into a typed result. */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHORIZED", "Your session has ended. Sign in again.");
  if (!can(user.role, permission)) throw new AppError("FORBIDDEN", "Your role does not allow this.");
  return user;
}

/** Whether the signed-in user may read the system's state (the health probe's reasons); false on any failure. */
export async function isSystemStatusReader(): Promise<boolean> {
  try {
    const user = await getCurrentUser();
    return user !== null && can(user.role, "system:status");
  } catch {
    return false;
  }
}
