// Sign-in throttling: pure arithmetic over recent failures, so it is tested without a clock.

export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
}

export const ACCOUNT_THROTTLE: ThrottleRule = { maxFailures: 5, windowMs: 15 * 60_000 };
export const ADDRESS_THROTTLE: ThrottleRule = { maxFailures: 20, windowMs: 15 * 60_000 };

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAt: Date };

/** `failures`: times of failed attempts inside the window, any order. */
export function throttleVerdict(failures: readonly Date[], now: Date, rule: ThrottleRule): ThrottleVerdict {
  const windowStart = now.getTime() - rule.windowMs;
  const recent = failures.map((failure) => failure.getTime()).filter((time) => time > windowStart).sort((a, b) => a - b);
  if (recent.length < rule.maxFailures) return { allowed: true };
  // Allowed again once enough of the oldest failures have left the window.
  const freeing = recent[recent.length - rule.maxFailures] ?? now.getTime();
  return { allowed: false, retryAt: new Date(freeing + rule.windowMs) };
}
