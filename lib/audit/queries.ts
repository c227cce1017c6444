import "server-only";
import type { Prisma } from "@/lib/db/client";
import { db } from "@/lib/db/client";

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

/** Newest first, keyset on id. `decisionsOnly` is what moderators may see. */
export async function listAuditEvents(options: { before?: number; limit: number; decisionsOnly: boolean }): Promise<{ events: AuditEventItem[]; nextBefore: number | null }> {
  const events = await db.auditEvent.findMany({
    where: { id: options.before ? { lt: options.before } : undefined, entityType: options.decisionsOnly ? "comment" : undefined },
    orderBy: { id: "desc" },
    take: options.limit + 1,
    select: auditEventSelect,
  });
  const page = events.slice(0, options.limit);
  return { events: page, nextBefore: events.length > options.limit ? (page.at(-1)?.id ?? null) : null };
}
