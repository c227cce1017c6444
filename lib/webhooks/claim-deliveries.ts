import "server-only";
import { getPgPool } from "@/lib/db/pg-pool";

// Claiming deliveries for one endpoint: due pending rows, oldest due first, skipping any whose
// comment (ordering key) has an earlier delivery still pending for this endpoint, in flight or
// waiting for a retry, so a comment's events arrive in order. The claim pushes the rows' next
// attempt past a lease (UPDATE over rows locked with SKIP LOCKED): several drains, in this process
// or another instance, never hold the same delivery, and one that dies mid-delivery leaves it to
// be retried when the lease runs out. Both index lookups are on the partial indexes over pending
// rows (migration webhook_breaker), so a claim costs the same with ten or a hundred thousand
// deliveries waiting. A paused or disabled endpoint yields nothing.

const LEASE_SECONDS = 120;

export interface ClaimedDelivery {
  id: number;
  messageId: string;
  attempts: number;
  /** The JSON body to sign and send. */
  body: string;
}

interface ClaimedRow {
  id: number;
  messageId: string;
  attempts: number;
  payload: { type: string; timestamp: string; data: Record<string, unknown> };
  commentId: number | null;
  source: string | null;
  externalId: string | null;
  articleId: number | null;
}

const CLAIM = `
  WITH due AS (
    SELECT d.id, d."commentId" FROM webhook_delivery d
    WHERE d."endpointId" = $1 AND d.status = 'PENDING' AND d."nextAttemptAt" <= now() AT TIME ZONE 'UTC'
      AND NOT EXISTS (
        SELECT FROM webhook_delivery earlier
        WHERE earlier."endpointId" = d."endpointId" AND earlier."orderingKey" = d."orderingKey" AND earlier.status = 'PENDING' AND earlier.id < d.id)
      AND EXISTS (
        SELECT FROM webhook_endpoint e
        WHERE e.id = $1 AND e.enabled AND (e."pausedUntil" IS NULL OR e."pausedUntil" <= now() AT TIME ZONE 'UTC'))
    ORDER BY d."nextAttemptAt", d.id
    LIMIT $2
    FOR UPDATE OF d SKIP LOCKED)
  UPDATE webhook_delivery d SET "nextAttemptAt" = now() AT TIME ZONE 'UTC' + make_interval(secs => $3)
  FROM due LEFT JOIN comment c ON c.id = due."commentId"
  WHERE d.id = due.id
  RETURNING d.id, d."messageId", d.attempts, d.payload, d."commentId", c.source, c."externalId", c."articleId"`;

/**
 * The body as sent. A comment event stores the comment's id and its status after the event; the
 * comment's identity elsewhere (source, external id, article), fixed for its life, is read here
 * rather than in the decision's transaction.
 */
export function deliveryBody(row: Pick<ClaimedRow, "payload" | "commentId" | "source" | "externalId" | "articleId">): string {
  if (row.commentId === null) return JSON.stringify(row.payload);
  const stored = (row.payload.data.comment ?? {}) as { status?: string };
  const comment = { id: row.commentId, source: row.source, externalId: row.externalId, articleId: row.articleId, status: stored.status ?? null };
  return JSON.stringify({ ...row.payload, data: { ...row.payload.data, comment } });
}

/** Claims up to `limit` deliveries of the endpoint, in the order they are due. */
export async function claimDeliveries(endpointId: number, limit: number): Promise<ClaimedDelivery[]> {
  const rows = (await getPgPool().query<ClaimedRow>(CLAIM, [endpointId, limit, LEASE_SECONDS])).rows;
  return rows.sort((a, b) => a.id - b.id).map((row) => ({ id: row.id, messageId: row.messageId, attempts: row.attempts, body: deliveryBody(row) }));
}
