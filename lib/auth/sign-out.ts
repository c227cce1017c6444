import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { getAuth } from "./auth";
import type { SessionUser } from "./session";

export async function signOut(user: SessionUser, headers: Headers): Promise<void> {
  await getAuth().api.signOut({ headers });
  await db.$transaction((tx) => recordAuditEvent(tx, { actor: { id: user.id, label: user.email }, action: "auth.sign_out", entityType: "user", entityId: user.id }));
}
