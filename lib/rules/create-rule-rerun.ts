import "server-only";
import type { PoolClient } from "pg";
import { recordAuditEventPg, type AuditActor } from "@/lib/audit/record-audit-event";

// One advisory lock for asking: two admins pressing "Re-run" at once get the same queued pass.
const RERUN_REQUEST_LOCK = 7_240_010;

/**
 * Records a re-run over the comments stored now, inside the caller's transaction (which also
 * enqueues its job). A pass still waiting to start already covers this request: it is returned.
 */
export async function createRuleRerun(client: PoolClient, actor: AuditActor): Promise<{ id: number; isNew: boolean }> {
  await client.query("SELECT pg_advisory_xact_lock($1)", [RERUN_REQUEST_LOCK]);
  const queued = await client.query<{ id: number }>(`SELECT id FROM rule_rerun WHERE status = 'QUEUED' ORDER BY id DESC LIMIT 1`);
  if (queued.rows[0]) return { id: queued.rows[0].id, isNew: false };
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO rule_rerun ("requestedBy", "maxCommentId", total)
     SELECT $1, COALESCE(max(id), 0), count(*)::int FROM comment
     RETURNING id`,
    [actor.label],
  );
  const id = rows[0]!.id;
  await recordAuditEventPg(client, { actor, action: "rule.rerun_requested", entityType: "rule_rerun", entityId: id });
  return { id, isNew: true };
}

export async function setRerunJobId(client: PoolClient, rerunId: number, jobId: string): Promise<void> {
  await client.query(`UPDATE rule_rerun SET "jobId" = $2 WHERE id = $1`, [rerunId, jobId]);
}
