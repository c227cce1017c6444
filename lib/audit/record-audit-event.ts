import "server-only";
import type { PoolClient } from "pg";
import type { Prisma } from "@/lib/db/client";
import { redactAuditDetails } from "@/lib/security/redact-url";
import { wellFormedText, wellFormedJson } from "@/lib/validation/well-formed-text";
import { auditKey } from "./audit-key";
import { GENESIS_HASH, keyedAuditEventHash, type AuditContent } from "./hash-chain";

// One lock key for the whole chain: appends are serialised so that no two events claim the same
// predecessor. The lock is held to the end of the caller's transaction, which stays short.
const AUDIT_CHAIN_LOCK = 7_240_001;

export interface AuditActor {
  id: string | null;
  label: string;
}

export const SYSTEM_ACTOR: AuditActor = { id: null, label: "system" };

export interface AuditEventInput {
  actor: AuditActor;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  details?: Record<string, unknown>;
}

type AuditRow = AuditContent & { prevHash: string; hash: string; details: Prisma.InputJsonObject };

/** The three steps of an append, for a Prisma transaction or a raw pg client in a transaction. */
interface AuditWriter {
  lockChain(): Promise<void>;
  lastHash(): Promise<string | null>;
  insert(row: AuditRow): Promise<number>;
}

function prismaWriter(tx: Prisma.TransactionClient): AuditWriter {
  return {
    lockChain: async () => void (await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`),
    lastHash: async () => (await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } }))?.hash ?? null,
    insert: async (row) => (await tx.auditEvent.create({ data: row, select: { id: true } })).id,
  };
}

function pgWriter(client: PoolClient): AuditWriter {
  return {
    lockChain: async () => void (await client.query("SELECT pg_advisory_xact_lock($1)", [AUDIT_CHAIN_LOCK])),
    lastHash: async () => (await client.query<{ hash: string }>(`SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1`)).rows[0]?.hash ?? null,
    insert: async (row) => {
      // Columns are `timestamp without time zone` holding UTC, as Prisma writes them.
      const result = await client.query<{ id: number }>(
        `INSERT INTO audit_event ("createdAt", "actorId", "actorLabel", action, "entityType", "entityId", details, "prevHash", hash)
         VALUES (($1::timestamptz AT TIME ZONE 'UTC'), $2, $3, $4, $5, $6, $7::jsonb, $8, $9) RETURNING id`,
        [row.createdAt.toISOString(), row.actorId, row.actorLabel, row.action, row.entityType, row.entityId, JSON.stringify(row.details), row.prevHash, row.hash],
      );
      return result.rows[0]?.id ?? 0;
    },
  };
}

async function appendAuditEvent(writer: AuditWriter, input: AuditEventInput): Promise<{ id: number; hash: string }> {
  // Read before the lock: a missing key file is created outside the chain's critical section.
  const key = auditKey();
  await writer.lockChain();
  const prevHash = (await writer.lastHash()) ?? GENESIS_HASH;
  // JSON round trip: the hash must cover exactly what Postgres stores and gives back. Outbound
  // addresses lose their credentials here, for every event: once stored, nothing can take them out.
  // Half a surrogate pair becomes U+FFFD first (well-formed-text.ts): jsonb refuses it, and text
  // columns store U+FFFD, which the hash must cover.
  const details = JSON.parse(wellFormedJson(redactAuditDetails(input.details ?? {}))) as Prisma.InputJsonObject;
  const content: AuditContent = {
    createdAt: new Date(),
    actorId: input.actor.id,
    actorLabel: wellFormedText(input.actor.label),
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId === undefined || input.entityId === null ? null : wellFormedText(String(input.entityId)),
    details,
  };
  const hash = keyedAuditEventHash(key, prevHash, content);
  const id = await writer.insert({ ...content, details, prevHash, hash });
  return { id, hash };
}

/** Appends one event; call it inside the transaction of the change it records. */
export function recordAuditEvent(tx: Prisma.TransactionClient, input: AuditEventInput): Promise<{ id: number; hash: string }> {
  return appendAuditEvent(prismaWriter(tx), input);
}

/** The same, for bulk paths that run on a raw pg client inside BEGIN/COMMIT. */
export function recordAuditEventPg(client: PoolClient, input: AuditEventInput): Promise<{ id: number; hash: string }> {
  return appendAuditEvent(pgWriter(client), input);
}
