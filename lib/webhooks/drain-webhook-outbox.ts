import "server-only";
import { drainStarter } from "@/lib/jobs/start-drains";
import { getPgPool } from "@/lib/db/pg-pool";
import { retryDelaySeconds } from "./backoff";
import { postWebhook, type AttemptOutcome } from "./post-webhook";

// Delivers what the outbox holds. Each endpoint is drained on its own, so a slow or dead receiver
// only delays its own deliveries. A delivery is claimed by pushing its next attempt past a lease
// (an UPDATE … RETURNING over rows locked with SKIP LOCKED), then posted outside any transaction:
// several app instances drain one outbox without sending a delivery twice at once, and a process
// that dies mid-delivery leaves it to be retried when the lease runs out (at least once; receivers
// drop repeats by webhook-id). Per endpoint and ordering key only the oldest pending delivery can
// be claimed, so a comment's events arrive in order even across retries.

const CLAIM_BATCH = 10;
const LEASE_SECONDS = 120;

interface ClaimedDelivery {
  id: number;
  messageId: string;
  payload: unknown;
  attempts: number;
}

interface EndpointRow {
  id: number;
  url: string;
  secret: string;
  previousSecret: string | null;
  previousSecretUntil: Date | null;
  timeoutMs: number;
  allowPrivateNetwork: boolean;
}

const CLAIM = `
  WITH due AS (
    SELECT d.id FROM webhook_delivery d
    WHERE d."endpointId" = $1 AND d.status = 'PENDING' AND d."nextAttemptAt" <= now() AT TIME ZONE 'UTC'
      AND NOT EXISTS (
        SELECT FROM webhook_delivery earlier
        WHERE earlier."endpointId" = d."endpointId" AND earlier."orderingKey" = d."orderingKey" AND earlier.status = 'PENDING' AND earlier.id < d.id)
    ORDER BY d.id
    LIMIT $2
    FOR UPDATE SKIP LOCKED)
  UPDATE webhook_delivery d SET "nextAttemptAt" = now() AT TIME ZONE 'UTC' + make_interval(secs => $3)
  FROM due WHERE d.id = due.id
  RETURNING d.id, d."messageId", d.payload, d.attempts`;

const RECORD = `
  UPDATE webhook_delivery SET
    attempts = attempts + 1,
    status = $2::"WebhookDeliveryStatus",
    "nextAttemptAt" = now() AT TIME ZONE 'UTC' + make_interval(secs => $3),
    "lastAttemptAt" = now() AT TIME ZONE 'UTC',
    "lastStatusCode" = $4, "lastLatencyMs" = $5, "lastResponse" = $6,
    "deliveredAt" = CASE WHEN $2 = 'SUCCEEDED' THEN now() AT TIME ZONE 'UTC' END
  WHERE id = $1`;

async function recordOutcome(delivery: ClaimedDelivery, outcome: AttemptOutcome): Promise<void> {
  const failedAttempts = delivery.attempts + 1;
  const retryIn = outcome.ok ? 0 : retryDelaySeconds(failedAttempts);
  const status = outcome.ok ? "SUCCEEDED" : retryIn === null ? "DEAD" : "PENDING";
  await getPgPool().query(RECORD, [delivery.id, status, retryIn ?? 0, outcome.statusCode, outcome.latencyMs, outcome.response]);
}

/** Delivers every due delivery of one endpoint, in order; returns how many attempts were made. */
export async function drainEndpoint(endpointId: number): Promise<number> {
  const pool = getPgPool();
  const endpoint = (
    await pool.query<EndpointRow>(
      `SELECT id, url, secret, "previousSecret", "previousSecretUntil" AT TIME ZONE 'UTC' AS "previousSecretUntil", "timeoutMs", "allowPrivateNetwork" FROM webhook_endpoint WHERE id = $1 AND enabled`,
      [endpointId],
    )
  ).rows[0];
  if (!endpoint) return 0;
  let attempts = 0;
  for (;;) {
    const claimed = (await pool.query<ClaimedDelivery>(CLAIM, [endpointId, CLAIM_BATCH, LEASE_SECONDS])).rows.sort((a, b) => a.id - b.id);
    if (claimed.length === 0) return attempts;
    for (const delivery of claimed) {
      const outcome = await postWebhook(endpoint, delivery.messageId, JSON.stringify(delivery.payload));
      await recordOutcome(delivery, outcome);
      attempts++;
    }
  }
}

const starter = drainStarter({
  label: "webhooks endpoint",
  drain: (endpointId) => drainEndpoint(endpointId),
  dueTargets: async () =>
    (
      await getPgPool().query<{ endpointId: number }>(
        `SELECT DISTINCT d."endpointId" FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d."endpointId"
         WHERE e.enabled AND d.status = 'PENDING' AND d."nextAttemptAt" <= now() AT TIME ZONE 'UTC'`,
      )
    ).rows.map((row) => row.endpointId),
});

/**
 * Starts draining every endpoint with due deliveries that this process is not draining already,
 * and returns at once: the job that calls it never waits on a receiver.
 */
export function startDrainingDueEndpoints(): Promise<number[]> {
  return starter.startDue();
}
