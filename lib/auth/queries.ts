import "server-only";
import type { Prisma } from "@/lib/db/client";
import { db } from "@/lib/db/client";

export const userListSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
  createdAt: true,
  _count: { select: { decisions: true } },
} satisfies Prisma.UserSelect;

export type UserListItem = Prisma.UserGetPayload<{ select: typeof userListSelect }>;

export function listUsers(): Promise<UserListItem[]> {
  return db.user.findMany({ orderBy: { createdAt: "asc" }, select: userListSelect });
}
