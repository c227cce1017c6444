// The per-endpoint circuit breaker. A receiver that is down (refused connections, timeouts, 5xx)
// fails every delivery the same way: attempting each pending delivery in turn would hold a socket
// per attempt for the endpoint's timeout, over and over, for nothing. After BREAKER_THRESHOLD
// failed attempts in a row the endpoint is paused; when the pause ends one delivery goes out as a
// probe. A probe that fails pauses it again, twice as long (up to MAX_PAUSE_SECONDS); one that
// succeeds closes the breaker and the backlog drains at full concurrency (lanesFor). Pending deliveries are
// never dropped for it: they wait for the endpoint (each keeps its own retry schedule, backoff.ts).

export const BREAKER_THRESHOLD = 3;
export const FIRST_PAUSE_SECONDS = 5;
export const MAX_PAUSE_SECONDS = 600;

/** Deliveries in flight at once per endpoint and process while it answers (a comment's stay in order). */
export const DELIVERIES_IN_FLIGHT = 4;

/** The pause after this many failed attempts in a row, or null while under the threshold. */
export function pauseSeconds(consecutiveFailures: number): number | null {
  if (consecutiveFailures < BREAKER_THRESHOLD) return null;
  return Math.min(MAX_PAUSE_SECONDS, FIRST_PAUSE_SECONDS * 2 ** (consecutiveFailures - BREAKER_THRESHOLD));
}

/**
 * Deliveries to have in flight: all lanes while the last attempt succeeded, one at a time from the
 * first failure on until one succeeds. A dead endpoint so sees at most max(lanes, threshold)
 * attempts before its pause, not a lane refilled after each fast failure.
 */
export function lanesFor(consecutiveFailures: number): number {
  return consecutiveFailures > 0 ? 1 : DELIVERIES_IN_FLIGHT;
}

/** Whether the next attempt is a probe: the breaker has tripped and not yet seen a success. */
export function isProbing(consecutiveFailures: number): boolean {
  return consecutiveFailures >= BREAKER_THRESHOLD;
}

export type BreakerState = "closed" | "paused" | "probing";

/** What the Webhooks page says about an endpoint (now passed in: pure). */
export function breakerState(endpoint: { consecutiveFailures: number; pausedUntil: Date | null }, now: Date): BreakerState {
  // Paused below the threshold too: a receiver's Retry-After pauses it (record-attempt.ts).
  if (endpoint.pausedUntil && endpoint.pausedUntil > now) return "paused";
  return isProbing(endpoint.consecutiveFailures) ? "probing" : "closed";
}
