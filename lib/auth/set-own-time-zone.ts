import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isTimeZone } from "@/lib/time-zone";

/** A user's own display zone; null goes back to the desk's. */
export async function setOwnTimeZone(db: Db, input: { userId: string; email: string; timeZone: string | null }): Promise<void> {
  if (input.timeZone !== null && !isTimeZone(input.timeZone)) throw new AppError("INVALID", `"${input.timeZone}" is not a time zone this server knows (e.g. Europe/London, Asia/Karachi).`);
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: { timeZone: true } });
    if (!before) throw new AppError("NOT_FOUND", "No such user.");
    await tx.user.update({ where: { id: input.userId }, data: { timeZone: input.timeZone } });
    await recordAuditEvent(tx, {
      actor: { id: input.userId, label: input.email },
      action: "user.time_zone",
      entityType: "user",
      entityId: input.userId,
      details: { email: input.email, before: { timeZone: before.timeZone }, after: { timeZone: input.timeZone } },
    });
  });
}
