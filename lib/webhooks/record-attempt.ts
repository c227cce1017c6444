import "server-only";
import { getPgPool } from "@/lib/db/pg-pool";
import { retryAfterSeconds, webhookRetrySeconds } from "./backoff";
import { BREAKER_THRESHOLD, FIRST_PAUSE_SECONDS, MAX_PAUSE_SECONDS } from "./endpoint-breaker";
import type { AttemptOutcome } from "./post-webhook";

// One statement records an attempt on the delivery (its status, its own next retry) and on the
// endpoint's breaker (endpoint-breaker.ts): a success closes it; a failure counts, and from the
// threshold on pauses the endpoint, doubling each time. Atomic per row, so lanes finishing at once
// count every failure. A success on a healthy endpoint leaves its row alone: every decision's
// outbox write reads that row, and a new version of it per delivery would only be churn. A failed
// answer with Retry-After (a 429 or 503) pauses the whole endpoint at least that long: it is the
// receiver asking for less traffic, not a verdict on one delivery.

const RECORD = `
  WITH attempt AS (
    UPDATE webhook_delivery SET
      attempts = attempts + 1,
      status = $3::"WebhookDeliveryStatus",
      "nextAttemptAt" = now() AT TIME ZONE 'UTC' + make_interval(secs => $4),
      "lastAttemptAt" = now() AT TIME ZONE 'UTC',
      "lastStatusCode" = $5, "lastLatencyMs" = $6, "lastResponse" = $7,
      "deliveredAt" = CASE WHEN $3 = 'SUCCEEDED' THEN now() AT TIME ZONE 'UTC' END
    WHERE id = $2)
  UPDATE webhook_endpoint SET
    "consecutiveFailures" = CASE WHEN $8 THEN 0 ELSE "consecutiveFailures" + 1 END,
    "failingSince" = CASE WHEN $8 THEN NULL ELSE COALESCE("failingSince", now() AT TIME ZONE 'UTC') END,
    "pausedUntil" = CASE
      -- A success ends the breaker's pause (a probe got through), not a Retry-After one still running
      -- (the answer of a delivery that was already in flight when the receiver asked for the pause).
      WHEN $8 THEN CASE WHEN "consecutiveFailures" < $9 AND "pausedUntil" > now() AT TIME ZONE 'UTC' THEN "pausedUntil" END
      ELSE GREATEST(
        CASE WHEN "consecutiveFailures" + 1 < $9 THEN NULL
          ELSE now() AT TIME ZONE 'UTC' + make_interval(secs => LEAST($11::float8, $10::float8 * power(2, "consecutiveFailures" + 1 - $9))) END,
        now() AT TIME ZONE 'UTC' + make_interval(secs => $12::float8)) END
  WHERE id = $1 AND NOT ($8 AND "consecutiveFailures" = 0)
  RETURNING "consecutiveFailures", "pausedUntil" IS NOT NULL AS "isPaused"`;

export interface BreakerAfterAttempt {
  consecutiveFailures: number;
  isPaused: boolean;
}

export async function recordAttempt(endpointId: number, delivery: { id: number; attempts: number }, outcome: AttemptOutcome): Promise<BreakerAfterAttempt> {
  const retryAfter = outcome.ok ? null : retryAfterSeconds(outcome.retryAfter, new Date());
  const retryIn = outcome.ok ? 0 : webhookRetrySeconds(delivery.attempts + 1, retryAfter);
  const status = outcome.ok ? "SUCCEEDED" : retryIn === null ? "DEAD" : "PENDING";
  const params = [endpointId, delivery.id, status, retryIn ?? 0, outcome.statusCode, outcome.latencyMs, outcome.response, outcome.ok, BREAKER_THRESHOLD, FIRST_PAUSE_SECONDS, MAX_PAUSE_SECONDS, retryAfter || null];
  const row = (await getPgPool().query<BreakerAfterAttempt>(RECORD, params)).rows[0];
  // No row: a success on an endpoint that was not failing (left alone above).
  return row ?? { consecutiveFailures: 0, isPaused: false };
}
