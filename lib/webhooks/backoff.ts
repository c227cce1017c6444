// Retries after a failed delivery: quick at first (a receiver restarting), then spaced out, for a
// little over a day in all before the delivery is marked dead.

const DELAYS_SECONDS = [5, 30, 120, 600, 1_800, 3_600, 7_200, 14_400, 28_800, 28_800, 28_800];

export const MAX_ATTEMPTS = DELAYS_SECONDS.length + 1;

/** Seconds to wait after the given number of failed attempts, or null when it was the last one. */
export function retryDelaySeconds(failedAttempts: number): number | null {
  return failedAttempts >= MAX_ATTEMPTS ? null : (DELAYS_SECONDS[failedAttempts - 1] ?? null);
}

export function totalRetryWindowSeconds(): number {
  return DELAYS_SECONDS.reduce((sum, delay) => sum + delay, 0);
}

/** The longest wait a receiver's Retry-After can ask for: past it, the schedule's own delay counts. */
export const MAX_RETRY_AFTER_SECONDS = 6 * 3_600;

/**
 * A `Retry-After` answer (RFC 9110 §10.2.3: delay-seconds, or an HTTP-date) as seconds from now;
 * null when absent, unreadable or in the past. Standard Webhooks asks senders to take it into
 * account (https://www.standardwebhooks.com, "Delivery success and failure").
 */
export function retryAfterSeconds(header: string | null | undefined, now: Date): number | null {
  const value = header?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Math.min(Number(value), MAX_RETRY_AFTER_SECONDS);
  const at = Date.parse(value);
  if (Number.isNaN(at) || !/[a-z]/i.test(value)) return null;
  const seconds = Math.ceil((at - now.getTime()) / 1_000);
  return seconds > 0 ? Math.min(seconds, MAX_RETRY_AFTER_SECONDS) : null;
}

/**
 * The wait before a webhook delivery's next attempt, or null when that was its last: the schedule's
 * delay plus up to 10% random jitter (Standard Webhooks: so that retries of many deliveries failed
 * at once do not all land together again), and never sooner than the receiver's Retry-After.
 */
export function webhookRetrySeconds(failedAttempts: number, retryAfter: number | null, random: () => number = Math.random): number | null {
  const scheduled = retryDelaySeconds(failedAttempts);
  if (scheduled === null) return null;
  return Math.max(Math.round(scheduled * (1 + 0.1 * random())), retryAfter ?? 0);
}
