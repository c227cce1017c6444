import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { db, type Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isRole, type Role } from "./policy";

// API tokens for the ingest and export APIs. Only a sha256 of each token is stored: a database
// leak does not hand out working tokens. A token acts with the role of the admin who made it.

const TOKEN_PREFIX = "mdk_";

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createApiToken(name: string, creator: AuditActor & { id: string }): Promise<{ id: number; token: string }> {
  const token = `${TOKEN_PREFIX}${randomBytes(24).toString("base64url")}`;
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({ data: { name, tokenHash: hashApiToken(token), prefix: token.slice(0, 10), createdById: creator.id }, select: { id: true } });
    await recordAuditEvent(tx, { actor: creator, action: "api_token.create", entityType: "api_token", entityId: row.id, details: { name } });
    return row;
  });
  return { id: created.id, token };
}

export async function revokeApiToken(id: number, actor: AuditActor): Promise<void> {
  await db.$transaction(async (tx) => {
    const updated = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (updated.count === 0) throw new AppError("NOT_FOUND", "No active token with that id.");
    await recordAuditEvent(tx, { actor, action: "api_token.revoke", entityType: "api_token", entityId: id });
  });
}

export const apiTokenListSelect = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdBy: { select: { email: true } },
} satisfies Prisma.ApiTokenSelect;

export type ApiTokenListItem = Prisma.ApiTokenGetPayload<{ select: typeof apiTokenListSelect }>;

/** Every token, newest first (a newsroom has a handful: no paging needed). Never the hash. */
export function listApiTokens(): Promise<ApiTokenListItem[]> {
  return db.apiToken.findMany({ orderBy: { id: "desc" }, select: apiTokenListSelect });
}

export interface TokenPrincipal {
  tokenId: number;
  tokenName: string;
  userId: string;
  email: string;
  role: Role;
}

/** The principal behind `Authorization: Bearer <token>`, or null when absent, unknown or revoked. */
export async function principalFromBearer(authorization: string | null): Promise<TokenPrincipal | null> {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  if (!match?.[1]?.startsWith(TOKEN_PREFIX)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(match[1]) },
    select: { id: true, name: true, revokedAt: true, createdBy: { select: { id: true, email: true, role: true, disabledAt: true } } },
  });
  if (!row || row.revokedAt || row.createdBy.disabledAt || !isRole(row.createdBy.role)) return null;
  // Last use is informational; a lost update under concurrency is harmless.
  void db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } }).catch(() => {});
  return { tokenId: row.id, tokenName: row.name, userId: row.createdBy.id, email: row.createdBy.email, role: row.createdBy.role };
}
