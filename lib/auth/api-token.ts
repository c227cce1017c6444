import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { db, type Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isRole, type Role } from "./policy";
import { scopesBeyondRole, storedScopes, type TokenScope } from "./token-scopes";

// API tokens for the ingest and export APIs. Only a sha256 of each token is stored: a database
// leak does not hand out working tokens. A token may call only the routes of its scopes, and only
// as far as its creator's current role allows (a demoted creator's tokens shrink with them).

const TOKEN_PREFIX = "mdk_";

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * A new token with exactly `scopes`. Its creator's role is read here, not taken from the caller: a
 * token is never given a scope its creator could not use (the action and the CLI both come here).
 */
export async function createApiToken(
  input: { name: string; scopes: readonly TokenScope[] },
  creator: AuditActor & { id: string },
): Promise<{ id: number; token: string; scopes: TokenScope[] }> {
  const scopes = storedScopes(input.scopes);
  if (scopes.length === 0) throw new AppError("INVALID", "Choose at least one scope: a token without one can do nothing.");
  const token = `${TOKEN_PREFIX}${randomBytes(24).toString("base64url")}`;
  const created = await db.$transaction(async (tx) => {
    const owner = await tx.user.findUnique({ where: { id: creator.id }, select: { role: true, disabledAt: true } });
    if (!owner || owner.disabledAt || !isRole(owner.role)) throw new AppError("FORBIDDEN", "Only an active account can stand behind a token.");
    const beyond = scopesBeyondRole(owner.role, scopes);
    if (beyond.length > 0) throw new AppError("FORBIDDEN", `A ${owner.role} cannot give a token ${beyond.map((scope) => `'${scope}'`).join(", ")}: a token never does more than its creator's role.`);
    const row = await tx.apiToken.create({ data: { name: input.name, scopes, tokenHash: hashApiToken(token), prefix: token.slice(0, 10), createdById: creator.id }, select: { id: true } });
    await recordAuditEvent(tx, { actor: creator, action: "api_token.create", entityType: "api_token", entityId: row.id, details: { name: input.name, scopes } });
    return row;
  });
  return { id: created.id, token, scopes };
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
  scopes: true,
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
  scopes: TokenScope[];
}

/** The principal behind `Authorization: Bearer <token>`, or null when absent, unknown or revoked. */
export async function principalFromBearer(authorization: string | null): Promise<TokenPrincipal | null> {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  if (!match?.[1]?.startsWith(TOKEN_PREFIX)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(match[1]) },
    select: { id: true, name: true, scopes: true, revokedAt: true, createdBy: { select: { id: true, email: true, role: true, disabledAt: true } } },
  });
  if (!row || row.revokedAt || row.createdBy.disabledAt || !isRole(row.createdBy.role)) return null;
  // Last use is informational; a lost update under concurrency is harmless.
  void db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } }).catch(() => {});
  return { tokenId: row.id, tokenName: row.name, userId: row.createdBy.id, email: row.createdBy.email, role: row.createdBy.role, scopes: storedScopes(row.scopes) };
}
