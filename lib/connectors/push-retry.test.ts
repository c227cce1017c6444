import { describe, expect, it } from "vitest";
import { MAX_RETRY_AFTER_SECONDS, retryDelaySeconds } from "@/lib/webhooks/backoff";
import { planPushRetry } from "./push-retry";

const now = new Date("2026-12-07T05:00:00Z");
const noJitter = () => 0;
const fullJitter = () => 0.999;

describe("planPushRetry", () => {
  it("follows the webhooks' schedule with up to 10% jitter, so pushes failed together spread out", () => {
    expect(planPushRetry(1, undefined, now, noJitter)).toEqual({ retryIn: 5, siteWait: null });
    expect(planPushRetry(1, undefined, now, fullJitter).retryIn).toBe(Math.round(5 * 1.0999));
    expect(planPushRetry(4, undefined, now, noJitter).retryIn).toBe(600);
    expect(planPushRetry(4, undefined, now, fullJitter).retryIn).toBe(660);
    const spread = new Set(Array.from({ length: 50 }, (_, index) => planPushRetry(5, undefined, now, () => index / 50).retryIn));
    expect(spread.size).toBeGreaterThan(40);
  });

  it("waits at least as long as the site's Retry-After, in seconds or as an HTTP date", () => {
    expect(planPushRetry(1, "120", now, noJitter)).toEqual({ retryIn: 120, siteWait: 120 });
    expect(planPushRetry(1, "Mon, 07 Dec 2026 05:10:00 GMT", now, noJitter)).toEqual({ retryIn: 600, siteWait: 600 });
    // A shorter Retry-After than the schedule's delay does not bring the retry forward.
    expect(planPushRetry(4, "30", now, noJitter)).toEqual({ retryIn: 600, siteWait: 30 });
  });

  it("caps a Retry-After, and ignores one unreadable or past", () => {
    expect(planPushRetry(1, "9999999", now, noJitter)).toEqual({ retryIn: MAX_RETRY_AFTER_SECONDS, siteWait: MAX_RETRY_AFTER_SECONDS });
    expect(planPushRetry(1, "soon", now, noJitter)).toEqual({ retryIn: 5, siteWait: null });
    expect(planPushRetry(1, "Mon, 07 Dec 2026 04:00:00 GMT", now, noJitter)).toEqual({ retryIn: 5, siteWait: null });
  });

  it("gives up after the last attempt, Retry-After or not", () => {
    let last = 1;
    while (retryDelaySeconds(last) !== null) last++;
    expect(planPushRetry(last, "60", now, noJitter).retryIn).toBeNull();
  });
});
