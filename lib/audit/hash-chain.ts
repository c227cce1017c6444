import { createHash, createHmac } from "node:crypto";

// Each audit event's hash covers its content and the previous event's hash, so editing or
// deleting any row breaks every link after it (lib/audit/verify-audit-chain.ts finds the first).
// Events are hashed with HMAC-SHA256 under a key kept outside the database ("hmac:" + hex): whoever
// can write the table cannot recompute them. Chains started before the key existed begin with plain
// SHA-256 hashes (64 hex digits, no prefix); verify accepts those only before the first keyed one.

export const GENESIS_HASH = "0".repeat(64);
export const KEYED_PREFIX = "hmac:";

export interface AuditContent {
  createdAt: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  details: unknown;
}

/** JSON with object keys sorted, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, entry]) => entry !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(",")}}`;
}

/** The pre-key hash: still computed to verify the events written before the switch. */
export function legacyAuditEventHash(prevHash: string, content: AuditContent): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalJson(content)).digest("hex");
}

export function keyedAuditEventHash(key: Buffer, prevHash: string, content: AuditContent): string {
  return KEYED_PREFIX + createHmac("sha256", key).update(prevHash).update("\n").update(canonicalJson(content)).digest("hex");
}

export const isKeyedHash = (hash: string): boolean => hash.startsWith(KEYED_PREFIX);
