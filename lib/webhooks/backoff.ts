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
