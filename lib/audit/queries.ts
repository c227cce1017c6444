import "server-only";
import type { Prisma } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import type { AuditFilters } from "./schemas";

export const auditEventSelect = {
  id: true,
  createdAt: true,
  actorLabel: true,
  action: true,
  entityType: true,
  entityId: true,
  details: true,
} satisfies Prisma.AuditEventSelect;

export type AuditEventItem = Prisma.AuditEventGetPayload<{ select: typeof auditEventSelect }>;

/** What a reader may see: moderators only decision events (on comments). Applied in every query. */
export type AuditScope = "all" | "decisions";

/** The scope is one AND-ed condition of its own: no filter can widen it. */
function auditWhere(scope: AuditScope, filters: AuditFilters): Prisma.AuditEventWhereInput {
  const conditions: Prisma.AuditEventWhereInput[] = [];
  if (scope === "decisions") conditions.push({ entityType: "comment" });
  if (filters.actor) conditions.push({ actorLabel: { startsWith: filters.actor, mode: "insensitive" } });
  if (filters.action) conditions.push({ action: filters.action });
  if (filters.entityType) conditions.push({ entityType: filters.entityType });
  if (filters.entityId) conditions.push({ entityId: filters.entityId });
  if (filters.since) conditions.push({ createdAt: { gte: filters.since } });
  if (filters.until) conditions.push({ createdAt: { lt: filters.until } });
  if (filters.before) conditions.push({ id: { lt: filters.before } });
  return { AND: conditions };
}

/** Newest first, keyset on id (ids grow with the hash chain, so id order is time order). */
export async function listAuditEvents(options: { filters: AuditFilters; limit: number; scope: AuditScope }): Promise<{ events: AuditEventItem[]; nextBefore: number | null }> {
  const events = await db.auditEvent.findMany({
    where: auditWhere(options.scope, options.filters),
    orderBy: { id: "desc" },
    take: options.limit + 1,
    select: auditEventSelect,
  });
  const page = events.slice(0, options.limit);
  return { events: page, nextBefore: events.length > options.limit ? (page.at(-1)?.id ?? null) : null };
}

/**
 * The distinct actions in the log, for the filter's suggestions. A loose index scan on
 * (action, createdAt): one index probe per distinct action, not a pass over every event.
 */
export async function listAuditActions(scope: AuditScope): Promise<string[]> {
  const onlyComments = scope === "decisions";
  const rows = await db.$queryRaw<{ action: string }[]>`
    WITH RECURSIVE actions AS (
      SELECT min(action) AS action FROM audit_event WHERE (NOT ${onlyComments} OR "entityType" = 'comment')
      UNION ALL
      SELECT (SELECT min(action) FROM audit_event WHERE action > actions.action AND (NOT ${onlyComments} OR "entityType" = 'comment'))
      FROM actions WHERE actions.action IS NOT NULL
    )
    SELECT action FROM actions WHERE action IS NOT NULL`;
  return rows.map((row) => row.action);
}
