import "server-only";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { cutOffAccess, refuseLastAdmin } from "./admin-guard";

export interface DisabledChange {
  email: string;
  isDisabled: boolean;
  sessionsEnded: number;
  tokensRevoked: number;
}

/**
 * Disables or enables an account. Disabling ends its sessions and revokes its API tokens in the same
 * transaction (a token outliving its owner's departure is the hole this closes); the account and its
 * decisions stay, so the history still names who decided what. Enabling does not bring tokens back.
 */
export async function setUserDisabled(db: Db, input: { userId: string; isDisabled: boolean }, actor: AuditActor): Promise<DisabledChange> {
  if (input.isDisabled && input.userId === actor.id) throw new AppError("INVALID", "You cannot disable your own account.");
  return db.$transaction(async (tx) => {
    if (input.isDisabled) await refuseLastAdmin(tx, input.userId, "disable");
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { email: true, disabledAt: true } });
    if (!user) throw new AppError("NOT_FOUND", "No such user.");
    if (Boolean(user.disabledAt) === input.isDisabled) {
      throw new AppError("CONFLICT", `${user.email} is already ${input.isDisabled ? "disabled" : "enabled"}.`);
    }
    await tx.user.update({ where: { id: input.userId }, data: { disabledAt: input.isDisabled ? new Date() : null } });
    const cut = input.isDisabled ? await cutOffAccess(tx, input.userId) : { sessions: 0, tokens: 0 };
    await recordAuditEvent(tx, {
      actor,
      action: input.isDisabled ? "user.disable" : "user.enable",
      entityType: "user",
      entityId: input.userId,
      details: { email: user.email, ...(input.isDisabled ? { sessionsEnded: cut.sessions, tokensRevoked: cut.tokens } : {}) },
    });
    return { email: user.email, isDisabled: input.isDisabled, sessionsEnded: cut.sessions, tokensRevoked: cut.tokens };
  });
}
