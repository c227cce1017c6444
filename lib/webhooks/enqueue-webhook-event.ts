import "server-only";
import { randomBytes } from "node:crypto";
import { wellFormedJson } from "@/lib/validation/well-formed-text";
import type { WebhookEventInput } from "./events";

/** Runs one SQL statement in the caller's transaction: a Prisma transaction client or a pg client. */
export type SqlInTransaction = (sql: string, params: unknown[]) => Promise<unknown>;

// The outbox write: one statement, in the transaction of the change it reports, adding one
// delivery per enabled endpoint that subscribed to the event (none: nothing written, one scan of
// a table of a few rows). It is as small as a decision can make it, because it runs in every
// decision: the payload is built here from what the caller already has (no read of the comment:
// its identity is added at delivery, claim-deliveries.ts), the webhook-id is random (no unique
// index to maintain), and the row enters only the drain's two partial indexes.
const INSERT_DELIVERIES = `
  INSERT INTO webhook_delivery ("endpointId", "messageId", "eventType", "orderingKey", "commentId", payload, "nextAttemptAt", "createdAt")
  SELECT e.id, $1 || '_' || e.id, $2, $3, $4, $5::jsonb, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
  FROM webhook_endpoint e
  WHERE e.enabled AND $2 = ANY(e.events)`;

/** A decision's data says where it left the comment; that status is the comment's in the payload. */
function statusAfter(data: Record<string, unknown>): string | null {
  const decision = data.decision as { toStatus?: unknown } | undefined;
  return typeof decision?.toStatus === "string" ? decision.toStatus : null;
}

export async function enqueueWebhookEvent(run: SqlInTransaction, event: WebhookEventInput): Promise<void> {
  const messageBase = `msg_${randomBytes(12).toString("hex")}`;
  const commentId = event.commentId ?? null;
  const data = commentId === null ? event.data : { comment: { id: commentId, status: statusAfter(event.data) }, ...event.data };
  // jsonb refuses half a surrogate pair: an import's file name or a rule's words holding one would fail the change itself.
  const payload = wellFormedJson({ type: event.type, timestamp: new Date().toISOString(), data });
  await run(INSERT_DELIVERIES, [messageBase, event.type, event.orderingKey, commentId, payload]);
}

// comment.flagged for a chunk of new comments in one statement (the import's path): one delivery
// per flagged comment and subscribed endpoint, with the flags' rules, categories and reasons.
const INSERT_FLAGGED = `
  INSERT INTO webhook_delivery ("endpointId", "messageId", "eventType", "orderingKey", payload, "nextAttemptAt", "createdAt")
  SELECT e.id, $1 || '_' || c.id || '_' || e.id, 'comment.flagged', 'comment:' || c.id,
         jsonb_build_object('type', 'comment.flagged', 'timestamp', $2::text, 'data', jsonb_build_object(
           'comment', jsonb_build_object('id', c.id, 'source', c.source, 'externalId', c."externalId", 'articleId', c."articleId", 'status', c.status),
           'flags', (SELECT jsonb_agg(jsonb_build_object('rule', r.name, 'category', f.category, 'reason', f.reason) ORDER BY f.id) FROM flag f JOIN rule r ON r.id = f."ruleId" WHERE f."commentId" = c.id))),
         now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
  FROM webhook_endpoint e JOIN comment c ON c.id = ANY($3::int[])
  WHERE e.enabled AND 'comment.flagged' = ANY(e.events)`;

export async function enqueueFlaggedComments(run: SqlInTransaction, commentIds: number[]): Promise<void> {
  await run(INSERT_FLAGGED, [`msg_${randomBytes(12).toString("hex")}`, new Date().toISOString(), commentIds]);
}
