import "server-only";
import type { SqlInTransaction } from "@/lib/webhooks/enqueue-webhook-event";

// The push outbox write, in the decision's transaction (beside the webhook outbox): one row when
// the comment came from a site whose connector is on, none otherwise (one indexed lookup). What
// the decision means on the site is worked out when the row is pushed (drain-push-outbox.ts).

const DECISION_FOR_STATUS = { APPROVED: "APPROVE", HIDDEN: "HIDE", PENDING: "UNDO" } as const;

const INSERT_PUSH = `
  INSERT INTO connector_push ("connectorId", "commentId", "externalId", "decisionId", decision, reason, note, "nextAttemptAt", "createdAt")
  SELECT l."connectorId", l."commentId", l."externalId", $2, $3, $4, $5, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
  FROM connector_comment l JOIN connector c ON c.id = l."connectorId"
  WHERE l."commentId" = $1 AND c.enabled`;

export interface DecisionToPush {
  commentId: number;
  decisionId: number;
  /** The comment's Moddesk status after the decision: approve, hide, and back to pending (undo, revert). */
  to: keyof typeof DECISION_FOR_STATUS;
  reason?: string | null;
  note?: string | null;
}

export async function enqueueConnectorPush(run: SqlInTransaction, decision: DecisionToPush): Promise<void> {
  await run(INSERT_PUSH, [decision.commentId, decision.decisionId, DECISION_FOR_STATUS[decision.to], decision.reason ?? null, decision.note ?? null]);
}
