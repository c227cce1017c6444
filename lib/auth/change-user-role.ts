import "server-only";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { refuseLastAdmin } from "./admin-guard";
import type { Role } from "./policy";

/** Promotes or demotes an account; never the last enabled admin. Open sessions pick the new role up on their next request. */
export async function changeUserRole(db: Db, input: { userId: string; role: Role }, actor: AuditActor): Promise<{ email: string; before: Role; after: Role }> {
  return db.$transaction(async (tx) => {
    if (input.role !== "admin") await refuseLastAdmin(tx, input.userId, "demote");
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { email: true, role: true } });
    if (!user) throw new AppError("NOT_FOUND", "No such user.");
    if (user.role === input.role) throw new AppError("CONFLICT", `${user.email} is already ${input.role === "admin" ? "an admin" : "a moderator"}.`);
    await tx.user.update({ where: { id: input.userId }, data: { role: input.role } });
    await recordAuditEvent(tx, {
      actor,
      action: "user.change_role",
      entityType: "user",
      entityId: input.userId,
      details: { email: user.email, before: { role: user.role }, after: { role: input.role } },
    });
    return { email: user.email, before: user.role, after: input.role };
  });
}
