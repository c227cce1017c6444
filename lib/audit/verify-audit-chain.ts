import "server-only";
import type { Db } from "@/lib/db/client";
import { auditEventHash, GENESIS_HASH } from "./hash-chain";

export type ChainVerdict =
  | { intact: true; events: number }
  | { intact: false; events: number; brokenAt: { id: number; createdAt: Date; problem: string } };

const BATCH = 5_000;

/** Walks the chain in id order, recomputing every hash; stops at the first broken link. */
export async function verifyAuditChain(db: Db): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let afterId = 0;
  let events = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take: BATCH });
    if (rows.length === 0) return { intact: true, events };
    for (const row of rows) {
      const expected = auditEventHash(prevHash, {
        createdAt: row.createdAt,
        actorId: row.actorId,
        actorLabel: row.actorLabel,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        details: row.details,
      });
      const problem = row.prevHash !== prevHash ? "its link to the previous event is broken (an event was removed or reordered)" : row.hash !== expected ? "its content does not match its hash (the event was edited)" : null;
      if (problem) return { intact: false, events, brokenAt: { id: row.id, createdAt: row.createdAt, problem } };
      prevHash = row.hash;
      events += 1;
      afterId = row.id;
    }
  }
}
