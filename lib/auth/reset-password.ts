import "server-only";
import { hashPassword } from "better-auth/crypto";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { cutOffAccess } from "./admin-guard";
import { generatePassword } from "./create-user";

/**
 * Gives the user a new generated password, ends their sessions and revokes their API tokens: a reset is
 * what an admin does when an account may be in the wrong hands, and a token would outlive the password.
 */
export async function resetPassword(email: string, actor: AuditActor): Promise<string> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } });
    if (!user) throw new AppError("NOT_FOUND", `No user has the email ${email}.`);
    const updated = await tx.account.updateMany({ where: { userId: user.id, providerId: "credential" }, data: { password: passwordHash } });
    if (updated.count === 0) throw new AppError("NOT_FOUND", `${email} has no password account.`);
    const cut = await cutOffAccess(tx, user.id);
    await recordAuditEvent(tx, {
      actor,
      action: "user.reset_password",
      entityType: "user",
      entityId: user.id,
      details: { email, sessionsEnded: cut.sessions, tokensRevoked: cut.tokens },
    });
  });
  return password;
}
