import "server-only";
import type { PoolClient } from "pg";
import { recordAuditEventPg, type AuditActor } from "@/lib/audit/record-audit-event";

// One advisory lock for asking: two admins pressing "Re-run" at once get the same queued pass.
const RERUN_REQUEST_LOCK = 7_240_010;

/**
 * Records a re-run over the comments stored now, inside the caller's transaction (which also
 * enqueues its job). A pass still waiting to start already covers this request: it is returned.
 */
export async function createRuleRerun(client: PoolClient, actor: AuditActor, options: { pendingOnly?: boolean } = {}): Promise<{ id: number; isNew: boolean; total: number }> {
  const pendingOnly = options.pendingOnly ?? false;
  await client.query("SELECT pg_advisory_xact_lock($1)", [RERUN_REQUEST_LOCK]);
  // A queued full pass covers a pending-only request; a queued pending-only pass does not cover a full one.
  const queued = await client.query<{ id: number; total: number }>(
    `SELECT id, total FROM rule_rerun WHERE status = 'QUEUED' AND (NOT "pendingOnly" OR $1) ORDER BY id DESC LIMIT 1`,
    [pendingOnly],
  );
  if (queued.rows[0]) return { ...queued.rows[0], isNew: false };
  const { rows } = await client.query<{ id: number; total: number }>(
    // createdAt in UTC whatever the server's zone: a rule's page compares it with the rule's updatedAt.
    `INSERT INTO rule_rerun ("requestedBy", "maxCommentId", total, "pendingOnly", "createdAt")
     SELECT $1, COALESCE(max(id), 0), (count(*) FILTER (WHERE NOT $2 OR status = 'PENDING'))::int, $2, now() AT TIME ZONE 'UTC' FROM comment
     RETURNING id, total`,
    [actor.label, pendingOnly],
  );
  const { id, total } = rows[0]!;
  await recordAuditEventPg(client, { actor, action: "rule.rerun_requested", entityType: "rule_rerun", entityId: id, details: pendingOnly ? { pendingOnly, total } : undefined });
  return { id, isNew: true, total };
}

export async function setRerunJobId(client: PoolClient, rerunId: number, jobId: string): Promise<void> {
  await client.query(`UPDATE rule_rerun SET "jobId" = $2 WHERE id = $1`, [rerunId, jobId]);
}
