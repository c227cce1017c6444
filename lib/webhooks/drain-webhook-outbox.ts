import "server-only";
import { drainStarter } from "@/lib/jobs/start-drains";
import { getPgPool } from "@/lib/db/pg-pool";
import { claimDeliveries, type ClaimedDelivery } from "./claim-deliveries";
import { disableGoneEndpoint } from "./disable-gone-endpoint";
import { lanesFor } from "./endpoint-breaker";
import { postWebhook } from "./post-webhook";
import { recordAttempt } from "./record-attempt";
import { openSigningSecrets } from "./signing-secret-store";

// Delivers what the outbox holds. Each endpoint is drained on its own, so a slow or dead receiver
// only delays its own deliveries. While an endpoint answers, up to DELIVERIES_IN_FLIGHT deliveries
// are on the wire at once (a comment's events still one after the other: claim-deliveries.ts); a
// receiver taking 3 s per answer gets four times the throughput of one-at-a-time. When it stops
// answering, its breaker pauses it and one probe at a time finds out when it is back
// (endpoint-breaker.ts): a dead endpoint costs a socket now and then, not one per pending delivery.
// Deliveries are posted outside any transaction; at least once (receivers drop repeats by webhook-id).

interface EndpointRow {
  id: number;
  url: string;
  secret: string;
  previousSecret: string | null;
  previousSecretUntil: Date | null;
  timeoutMs: number;
  allowPrivateNetwork: boolean;
  consecutiveFailures: number;
}

async function loadEndpoint(endpointId: number): Promise<EndpointRow | undefined> {
  const result = await getPgPool().query<EndpointRow>(
    `SELECT id, url, secret, "previousSecret", "previousSecretUntil" AT TIME ZONE 'UTC' AS "previousSecretUntil", "timeoutMs", "allowPrivateNetwork", "consecutiveFailures"
     FROM webhook_endpoint WHERE id = $1 AND enabled AND ("pausedUntil" IS NULL OR "pausedUntil" <= now() AT TIME ZONE 'UTC')`,
    [endpointId],
  );
  const row = result.rows[0];
  return row ? { ...row, ...openSigningSecrets(row) } : undefined;
}

/**
 * Delivers the endpoint's due deliveries until none is left, or its breaker pauses it; returns how
 * many attempts were made. After a failed attempt (and while probing), one delivery at a time.
 */
export async function drainEndpoint(endpointId: number): Promise<number> {
  const endpoint = await loadEndpoint(endpointId);
  if (!endpoint) return 0;
  let attempts = 0;
  let isPaused = false;
  let lanes = lanesFor(endpoint.consecutiveFailures);
  // A database error stops the claiming; the lanes still in flight finish first, then it is thrown
  // (the lease hands the failed one to a later drain).
  const failures: unknown[] = [];
  const inFlight = new Set<Promise<void>>();
  const deliver = async (delivery: ClaimedDelivery) => {
    try {
      const outcome = await postWebhook(endpoint, delivery.messageId, delivery.body);
      const breaker = await recordAttempt(endpointId, delivery, outcome);
      attempts += 1;
      isPaused ||= breaker.isPaused;
      if (outcome.statusCode === 410) {
        await disableGoneEndpoint(endpointId, delivery.id);
        isPaused = true;
      }
      lanes = lanesFor(breaker.consecutiveFailures);
    } catch (error) {
      failures.push(error);
    }
  };
  for (;;) {
    if (failures.length > 0 && inFlight.size === 0) throw failures[0];
    const room = isPaused || failures.length > 0 ? 0 : lanes - inFlight.size;
    const claimed = room > 0 ? await claimDeliveries(endpointId, room) : [];
    for (const delivery of claimed) {
      const lane: Promise<void> = deliver(delivery).finally(() => inFlight.delete(lane));
      inFlight.add(lane);
    }
    if (inFlight.size === 0) return attempts;
    // Wait for a lane to finish: it frees a place, and may have been the one a comment's next event waited for.
    await Promise.race(inFlight);
  }
}

const starter = drainStarter({
  label: "webhooks endpoint",
  drain: (endpointId) => drainEndpoint(endpointId),
  // A few endpoints, each one index probe (webhook_delivery_due_idx): no scan of the backlog.
  dueTargets: async () =>
    (
      await getPgPool().query<{ id: number }>(
        `SELECT e.id FROM webhook_endpoint e
         WHERE e.enabled AND (e."pausedUntil" IS NULL OR e."pausedUntil" <= now() AT TIME ZONE 'UTC')
           AND EXISTS (SELECT FROM webhook_delivery d WHERE d."endpointId" = e.id AND d.status = 'PENDING' AND d."nextAttemptAt" <= now() AT TIME ZONE 'UTC')`,
      )
    ).rows.map((row) => row.id),
});

/**
 * Starts draining every endpoint with due deliveries that this process is not draining already,
 * and returns at once: the job that calls it never waits on a receiver.
 */
export function startDrainingDueEndpoints(): Promise<number[]> {
  return starter.startDue();
}
