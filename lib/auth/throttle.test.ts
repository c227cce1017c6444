import { describe, expect, it } from "vitest";
import { throttleVerdict } from "./throttle";

const rule = { maxFailures: 3, windowMs: 60_000 };
const now = new Date("2026-01-01T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("throttleVerdict", () => {
  it("allows while failures stay under the limit", () => {
    expect(throttleVerdict([ago(1_000), ago(2_000)], now, rule)).toEqual({ allowed: true });
  });

  it("refuses the attempt after the limit and says when to retry", () => {
    const verdict = throttleVerdict([ago(50_000), ago(20_000), ago(10_000)], now, rule);
    expect(verdict).toEqual({ allowed: false, retryAt: new Date(now.getTime() + 10_000) });
  });

  it("forgets failures older than the window", () => {
    expect(throttleVerdict([ago(61_000), ago(70_000), ago(10_000)], now, rule)).toEqual({ allowed: true });
  });

  it("with more failures than the limit, waits for enough of them to expire", () => {
    const verdict = throttleVerdict([ago(5_000), ago(40_000), ago(30_000), ago(20_000)], now, rule);
    // the oldest of the three most recent failures (30 s ago) frees a slot 30 s from now
    expect(verdict).toEqual({ allowed: false, retryAt: new Date(now.getTime() + 30_000) });
  });
});
