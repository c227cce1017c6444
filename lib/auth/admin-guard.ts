import "server-only";
import type { Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * Locks the enabled admins' rows for the rest of the transaction and refuses when `userId` is the last
 * of them. The lock makes two admins demoting or disabling each other at the same moment take turns:
 * the second one then sees the first change and is refused, so the desk never ends with no admin.
 */
export async function refuseLastAdmin(tx: Prisma.TransactionClient, userId: string, change: string): Promise<void> {
  const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "user" WHERE role = 'admin' AND "disabledAt" IS NULL ORDER BY id FOR UPDATE`;
  if (admins.length === 1 && admins[0]?.id === userId) {
    throw new AppError("CONFLICT", `Cannot ${change} the last admin: make another account an admin first.`);
  }
}

/** Ends every session and revokes every API token of the user: what a leaving moderator must lose at once. */
export async function cutOffAccess(tx: Prisma.TransactionClient, userId: string): Promise<{ sessions: number; tokens: number }> {
  const sessions = await tx.session.deleteMany({ where: { userId } });
  const tokens = await tx.apiToken.updateMany({ where: { createdById: userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return { sessions: sessions.count, tokens: tokens.count };
}
