import "server-only";
import type { Prisma } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import type { ConnectorKind } from "./connector";
import { openConnectorSecrets } from "./connector-secrets";
import { connectorFor } from "./registry";

// What the Connectors page shows. Settings go to the browser without the credentials: only
// whether one is stored.

export interface ConnectorView {
  id: number;
  kind: ConnectorKind;
  enabled: boolean;
  settings: Record<string, unknown>;
  hasSecret: boolean;
  lastSyncAt: Date | null;
  lastError: string | null;
  pendingPushes: number;
  failedPushes: number;
  conflicts: number;
}

export async function getConnectorView(kind: ConnectorKind): Promise<ConnectorView | null> {
  const row = await db.connector.findUnique({ where: { kind }, select: { id: true, enabled: true, settings: true, secret: true, lastSyncAt: true, lastError: true } });
  if (!row) return null;
  const secretFields = connectorFor(kind)?.secretFields ?? [];
  let secrets: Record<string, unknown> = {};
  try {
    secrets = openConnectorSecrets(row.secret);
  } catch {
    // Sealed under another audit key: shown as not stored, so the admin enters them again.
  }
  const counts = await db.connectorPush.groupBy({ by: ["status"], where: { connectorId: row.id, status: { in: ["PENDING", "FAILED", "CONFLICT"] } }, _count: { _all: true } });
  const count = (status: string) => counts.find((entry) => entry.status === status)?._count._all ?? 0;
  return {
    id: row.id,
    kind,
    enabled: row.enabled,
    settings: row.settings as Record<string, unknown>,
    hasSecret: secretFields.every((field) => typeof secrets[field] === "string" && secrets[field] !== ""),
    lastSyncAt: row.lastSyncAt,
    lastError: row.lastError,
    pendingPushes: count("PENDING"),
    failedPushes: count("FAILED"),
    conflicts: count("CONFLICT"),
  };
}

const syncSelect = { id: true, trigger: true, startedAt: true, finishedAt: true, status: true, pulled: true, added: true, duplicates: true, rejected: true, importBatchId: true, error: true } satisfies Prisma.ConnectorSyncSelect;

export function listRecentSyncs(connectorId: number, take = 10) {
  return db.connectorSync.findMany({ where: { connectorId }, orderBy: { id: "desc" }, take, select: syncSelect });
}

const pushSelect = {
  id: true, commentId: true, externalId: true, decision: true, reason: true, status: true, attempts: true, nextAttemptAt: true, lastError: true,
  siteStatus: true, conflictDetail: true, createdAt: true, appliedAt: true,
} satisfies Prisma.ConnectorPushSelect;

/** Conflicts, failed and pending pushes first (what needs the desk), then the latest applied ones. */
export async function listPushesNeedingAttention(connectorId: number, take = 50) {
  const [open, recent] = await Promise.all([
    db.connectorPush.findMany({ where: { connectorId, status: { in: ["CONFLICT", "FAILED", "PENDING"] } }, orderBy: { id: "desc" }, take, select: pushSelect }),
    db.connectorPush.findMany({ where: { connectorId, status: { in: ["APPLIED", "DISMISSED"] } }, orderBy: { id: "desc" }, take: 10, select: pushSelect }),
  ]);
  return { open, recent };
}

/** A comment as its site has it, and its pushes, newest first: the comment page shows them to the desk. */
export async function getCommentSiteState(commentId: number) {
  const link = await db.connectorComment.findUnique({ where: { commentId }, select: { externalId: true, siteStatus: true, connector: { select: { kind: true } } } });
  if (!link) return null;
  const pushes = await db.connectorPush.findMany({ where: { commentId }, orderBy: { id: "desc" }, take: 10, select: pushSelect });
  return { kind: link.connector.kind as ConnectorKind, externalId: link.externalId, siteStatus: link.siteStatus, pushes };
}

export type RecentSync = Awaited<ReturnType<typeof listRecentSyncs>>[number];
export type PushesNeedingAttention = Awaited<ReturnType<typeof listPushesNeedingAttention>>;

/** One connector's block of the Connectors page: its settings view (null when not set up), latest syncs and pushes. */
export async function getConnectorPanel(kind: ConnectorKind) {
  const view = await getConnectorView(kind);
  if (!view) return { kind, view: null, syncs: [] as RecentSync[], pushes: { open: [], recent: [] } as PushesNeedingAttention };
  const [syncs, pushes] = await Promise.all([listRecentSyncs(view.id), listPushesNeedingAttention(view.id)]);
  return { kind, view, syncs, pushes };
}
