import "server-only";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import { enqueueRuleRerun } from "@/lib/jobs/enqueue-rule-rerun";

export interface PendingRecheck {
  id: number;
  isNew: boolean;
  /** Pending comments the pass will read. */
  total: number;
}

/**
 * A rule change takes effect on the queue at once, whoever made it (the Rules page, `moddesk rules
 * import`, the default pack on a database that already holds comments): the pending comments are
 * re-checked by a job (decided comments keep their flags; the full "Re-run rules" pass is there for them).
 */
export function recheckPendingComments(actor: AuditActor): Promise<PendingRecheck> {
  return enqueueRuleRerun(actor, { pendingOnly: true });
}

/** What a command prints about the pass: the job runs in the web server (npm start). */
export function describePendingRecheck(recheck: PendingRecheck): string {
  const what = `Re-checking the ${recheck.total} pending comment(s) with the changed rules (pass #${recheck.id}${recheck.isNew ? "" : ", already queued"})`;
  return `${what}: it runs in Moddesk's web server, now if it is running, else on the next npm start; progress on the Rules page.`;
}
