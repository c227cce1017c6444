import { retryAfterSeconds, webhookRetrySeconds } from "@/lib/webhooks/backoff";

// When a push to a site is tried again: by the webhooks' rule (lib/webhooks/backoff.ts), the one
// for every call Moddesk makes out. Their schedule plus up to 10% jitter, so that pushes failed
// together (a site down for a minute, a bulk run's hides) do not all come back in the same second;
// never sooner than the site's Retry-After on a 429 or 503, capped at MAX_RETRY_AFTER_SECONDS so a
// site cannot park a push for days. The pushes used the bare schedule: no jitter, and a WordPress
// or Disqus rate limit was hit again 5 seconds later whatever it had asked for.

export interface PushRetryPlan {
  /** Seconds until this push's next attempt, or null when that was its last. */
  retryIn: number | null;
  /** How long the site asked to be left alone (capped), or null: every push to it waits that long, as a webhook endpoint does. */
  siteWait: number | null;
}

export function planPushRetry(failedAttempts: number, retryAfterHeader: string | undefined, now: Date, random: () => number = Math.random): PushRetryPlan {
  const siteWait = retryAfterSeconds(retryAfterHeader, now);
  return { retryIn: webhookRetrySeconds(failedAttempts, siteWait, random), siteWait };
}
