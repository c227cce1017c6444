import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Role } from "./policy";

export interface CreatedUser {
  id: string;
  email: string;
  role: Role;
  /** Shown once to whoever created the account; only its hash is stored. */
  password: string;
}

export function generatePassword(): string {
  return randomBytes(15).toString("base64url");
}

export async function createUser(db: Db, input: { email: string; name?: string; role: Role }, actor: AuditActor): Promise<CreatedUser> {
  const email = input.email.toLowerCase();
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const id = randomUUID();
  const created = await db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (existing) throw new AppError("CONFLICT", `A user with the email ${email} already exists.`);
    await tx.user.create({
      data: {
        id,
        email,
        name: input.name ?? email.split("@")[0] ?? email,
        role: input.role,
        emailVerified: true,
        accounts: { create: { id: randomUUID(), accountId: id, providerId: "credential", password: passwordHash } },
      },
    });
    await recordAuditEvent(tx, { actor, action: "user.create", entityType: "user", entityId: id, details: { email, role: input.role } });
    return { id, email, role: input.role };
  });
  return { ...created, password };
}
