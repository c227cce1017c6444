import { describe, expect, it } from "vitest";
import { deliveryBody } from "./claim-deliveries";
import { BREAKER_THRESHOLD, breakerState, DELIVERIES_IN_FLIGHT, isProbing, lanesFor, MAX_PAUSE_SECONDS, pauseSeconds } from "./endpoint-breaker";

describe("the per-endpoint circuit breaker", () => {
  it("stays closed under the threshold, then pauses for 5 s, doubling up to 10 minutes", () => {
    expect([0, 1, BREAKER_THRESHOLD - 1].map(pauseSeconds)).toEqual([null, null, null]);
    expect([3, 4, 5, 6, 9, 10, 50].map(pauseSeconds)).toEqual([5, 10, 20, 40, 320, MAX_PAUSE_SECONDS, MAX_PAUSE_SECONDS]);
    expect(isProbing(BREAKER_THRESHOLD - 1)).toBe(false);
    expect(isProbing(BREAKER_THRESHOLD)).toBe(true);
  });

  it("sends several deliveries at once while the endpoint answers, one at a time after a failure", () => {
    expect(lanesFor(0)).toBe(DELIVERIES_IN_FLIGHT);
    expect(DELIVERIES_IN_FLIGHT).toBeGreaterThan(1);
    expect([1, BREAKER_THRESHOLD, 40].map(lanesFor)).toEqual([1, 1, 1]);
  });

  it("says whether an endpoint answers, is paused, or is due for its probe", () => {
    const now = new Date("2026-12-06T09:00:00Z");
    expect(breakerState({ consecutiveFailures: 2, pausedUntil: null }, now)).toBe("closed");
    expect(breakerState({ consecutiveFailures: 4, pausedUntil: new Date("2026-12-06T09:00:10Z") }, now)).toBe("paused");
    expect(breakerState({ consecutiveFailures: 4, pausedUntil: new Date("2026-12-06T08:59:50Z") }, now)).toBe("probing");
    // A receiver's Retry-After pauses it before the breaker's threshold.
    expect(breakerState({ consecutiveFailures: 1, pausedUntil: new Date("2026-12-06T09:00:10Z") }, now)).toBe("paused");
  });
});

describe("the body of a delivery", () => {
  const payload = { type: "comment.decided", timestamp: "2026-12-06T09:00:00.000Z", data: { comment: { id: 7, status: "HIDDEN" }, decision: { id: 3, action: "HIDE" } } };

  it("adds the comment's identity, read at delivery, to the id and status stored with the event", () => {
    const body = JSON.parse(deliveryBody({ payload, commentId: 7, source: "wordpress", externalId: "wp-41", articleId: 2 })) as typeof payload;
    expect(body).toEqual({ ...payload, data: { comment: { id: 7, source: "wordpress", externalId: "wp-41", articleId: 2, status: "HIDDEN" }, decision: { id: 3, action: "HIDE" } } });
  });

  it("sends an event that is not about one comment as it was stored", () => {
    const rule = { type: "rule.changed", timestamp: payload.timestamp, data: { rule: { id: 1 } } };
    expect(deliveryBody({ payload: rule, commentId: null, source: null, externalId: null, articleId: null })).toBe(JSON.stringify(rule));
  });
});
