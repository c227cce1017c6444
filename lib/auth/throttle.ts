// Sign-in throttling: pure arithmetic over recent attempts, so it is tested without a clock or a
// database. Why three scopes, and why the account itself is never locked: docs/security-auth.md.

export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
}

/** One account from one address: the guesser is refused, the account's owner elsewhere is not. */
export const PAIR_THROTTLE: ThrottleRule = { maxFailures: 5, windowMs: 15 * 60_000 };
/** One address against any accounts: limits password spraying from one place. */
export const ADDRESS_THROTTLE: ThrottleRule = { maxFailures: 20, windowMs: 15 * 60_000 };
/**
 * One account from addresses it has never signed in from: past `freeFailures` failures each
 * further attempt waits `baseDelayMs`, doubling per failure up to `maxDelayMs` after the last one.
 * A slowdown, not a lock, so that many addresses guessing together gain little and lock nobody out.
 */
export const ACCOUNT_SLOWDOWN = { freeFailures: 10, baseDelayMs: 2_000, maxDelayMs: 60_000, windowMs: 15 * 60_000 };
/** An address with a successful sign-in to the account this recently is exempt from its slowdown. */
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60_000;

export interface AttemptHistory {
  /** Failures of this account from this address since its last success there, inside the window. */
  pairFailures: readonly Date[];
  /** Failures from this address, any account. */
  addressFailures: readonly Date[];
  /** Failures of this account from any address since its last success. */
  accountFailures: readonly Date[];
  /** This address signed in to this account successfully within KNOWN_ADDRESS_MS. */
  isKnownAddress: boolean;
}

export type ThrottleScope = "pair" | "address" | "account";
export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAt: Date; scope: ThrottleScope };

/** `failures`: times of failed attempts, any order. Refused once `maxFailures` lie inside the window. */
export function windowVerdict(failures: readonly Date[], now: Date, rule: ThrottleRule): { allowed: true } | { allowed: false; retryAt: Date } {
  const windowStart = now.getTime() - rule.windowMs;
  const recent = failures.map((failure) => failure.getTime()).filter((time) => time > windowStart).sort((a, b) => a - b);
  if (recent.length < rule.maxFailures) return { allowed: true };
  // Allowed again once enough of the oldest failures have left the window.
  const freeing = recent[recent.length - rule.maxFailures] ?? now.getTime();
  return { allowed: false, retryAt: new Date(freeing + rule.windowMs) };
}

/** The wait after `failureCount` failures of one account (0 while under the free allowance). */
export function slowdownDelayMs(failureCount: number, slowdown = ACCOUNT_SLOWDOWN): number {
  const extra = failureCount - slowdown.freeFailures;
  if (extra < 0) return 0;
  return Math.min(slowdown.maxDelayMs, slowdown.baseDelayMs * 2 ** Math.min(extra, 30));
}

/** Decides one attempt from its history. The first refusing scope wins, the narrowest first. */
export function throttleVerdict(history: AttemptHistory, now: Date): ThrottleVerdict {
  const pair = windowVerdict(history.pairFailures, now, PAIR_THROTTLE);
  if (!pair.allowed) return { ...pair, scope: "pair" };
  const address = windowVerdict(history.addressFailures, now, ADDRESS_THROTTLE);
  if (!address.allowed) return { ...address, scope: "address" };
  if (history.isKnownAddress) return { allowed: true };
  const windowStart = now.getTime() - ACCOUNT_SLOWDOWN.windowMs;
  const recent = history.accountFailures.map((failure) => failure.getTime()).filter((time) => time > windowStart);
  const delay = slowdownDelayMs(recent.length);
  if (delay === 0) return { allowed: true };
  const retryAt = Math.max(...recent) + delay;
  return retryAt > now.getTime() ? { allowed: false, retryAt: new Date(retryAt), scope: "account" } : { allowed: true };
}

/** The words a refused person reads: when to retry, in minutes for locks and seconds for slowdowns. */
export function describeRefusal(verdict: Extract<ThrottleVerdict, { allowed: false }>, now: Date): string {
  const waitMs = verdict.retryAt.getTime() - now.getTime();
  if (verdict.scope === "account" && waitMs < 60_000) {
    const seconds = Math.max(1, Math.ceil(waitMs / 1_000));
    return `Too many failed sign-ins to this account. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
  }
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  return `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"} (at ${verdict.retryAt.toISOString().slice(11, 16)} UTC).`;
}
