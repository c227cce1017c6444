import "server-only";
import { hashPassword, verifyPassword } from "better-auth/crypto";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { claimSignInAttempt, markAttemptSucceeded } from "./claim-sign-in-attempt";
import { describeRefusal } from "./throttle";

export const MIN_PASSWORD_LENGTH = 12;

/**
 * A signed-in user replaces their own password. The current one is asked for again (a borrowed,
 * unlocked screen must not be enough), and every other session of theirs ends; this one stays.
 * Checking it is a password guess like a sign-in, so it goes through the sign-in throttle: without
 * it, the borrowed screen could guess the password here as fast as the server answers.
 */
export async function changeOwnPassword(
  db: Db,
  input: { userId: string; email: string; currentPassword: string; newPassword: string; keepSessionId: string | null; ipAddress: string | null },
): Promise<void> {
  if (input.newPassword.length < MIN_PASSWORD_LENGTH) throw new AppError("INVALID", `The new password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
  if (input.newPassword === input.currentPassword) throw new AppError("INVALID", "The new password is the same as the current one.");
  const account = await db.account.findFirst({ where: { userId: input.userId, providerId: "credential" }, select: { id: true, password: true } });
  if (!account?.password) throw new AppError("NOT_FOUND", "This account has no password to change.");
  const now = new Date();
  const claim = await claimSignInAttempt(input.email, input.ipAddress, now);
  if (!claim.allowed) throw new AppError("RATE_LIMITED", describeRefusal(claim.verdict, now), { retryAt: claim.verdict.retryAt.toISOString() });
  if (!(await verifyPassword({ hash: account.password, password: input.currentPassword }))) throw new AppError("INVALID", "The current password is not right.");
  await markAttemptSucceeded(claim.attemptId);
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    // Guarded on the hash just verified: two changes at once cannot both pass with the same old password.
    const updated = await tx.account.updateMany({ where: { id: account.id, password: account.password }, data: { password: passwordHash } });
    if (updated.count !== 1) throw new AppError("CONFLICT", "The password was changed meanwhile. Sign in again.");
    const ended = await tx.session.deleteMany({ where: { userId: input.userId, ...(input.keepSessionId ? { NOT: { id: input.keepSessionId } } : {}) } });
    await recordAuditEvent(tx, {
      actor: { id: input.userId, label: input.email },
      action: "user.change_password",
      entityType: "user",
      entityId: input.userId,
      details: { email: input.email, otherSessionsEnded: ended.count },
    });
  });
}
