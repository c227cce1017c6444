import { describe, expect, it } from "vitest";
import { describeRefusal, slowdownDelayMs, throttleVerdict, windowVerdict, type AttemptHistory } from "./throttle";

const now = new Date("2026-01-01T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const times = (count: number, everyMs: number) => Array.from({ length: count }, (_, index) => ago((index + 1) * everyMs));
const clean: AttemptHistory = { pairFailures: [], addressFailures: [], accountFailures: [], isKnownAddress: false };

describe("windowVerdict", () => {
  const rule = { maxFailures: 3, windowMs: 60_000 };

  it("allows while failures stay under the limit", () => {
    expect(windowVerdict([ago(1_000), ago(2_000)], now, rule)).toEqual({ allowed: true });
  });

  it("refuses the attempt after the limit and says when to retry", () => {
    expect(windowVerdict([ago(50_000), ago(20_000), ago(10_000)], now, rule)).toEqual({ allowed: false, retryAt: new Date(now.getTime() + 10_000) });
  });

  it("forgets failures older than the window", () => {
    expect(windowVerdict([ago(61_000), ago(70_000), ago(10_000)], now, rule)).toEqual({ allowed: true });
  });

  it("with more failures than the limit, waits for enough of them to expire", () => {
    // the oldest of the three most recent failures (30 s ago) frees a slot 30 s from now
    expect(windowVerdict([ago(5_000), ago(40_000), ago(30_000), ago(20_000)], now, rule)).toEqual({ allowed: false, retryAt: new Date(now.getTime() + 30_000) });
  });
});

describe("throttleVerdict", () => {
  it("locks one account from one address after five failures, for 15 minutes from the fifth-last", () => {
    expect(throttleVerdict({ ...clean, pairFailures: times(4, 1_000), accountFailures: times(4, 1_000) }, now)).toEqual({ allowed: true });
    const verdict = throttleVerdict({ ...clean, pairFailures: times(5, 1_000), accountFailures: times(5, 1_000) }, now);
    expect(verdict).toEqual({ allowed: false, scope: "pair", retryAt: new Date(now.getTime() - 5_000 + 15 * 60_000) });
  });

  it("lets the owner in from another address while a stranger's address is locked out of the account", () => {
    // The stranger made 9 failures (5 counted against their pair); the owner's address has none.
    expect(throttleVerdict({ ...clean, accountFailures: times(9, 1_000) }, now)).toEqual({ allowed: true });
  });

  it("slows an account down after ten failures from anywhere, doubling up to a minute, but never locks it", () => {
    expect(slowdownDelayMs(9)).toBe(0);
    expect(slowdownDelayMs(10)).toBe(2_000);
    expect(slowdownDelayMs(11)).toBe(4_000);
    expect(slowdownDelayMs(15)).toBe(60_000);
    expect(slowdownDelayMs(10_000)).toBe(60_000);
    const tenJustNow = { ...clean, accountFailures: times(10, 100) };
    expect(throttleVerdict(tenJustNow, now)).toEqual({ allowed: false, scope: "account", retryAt: new Date(now.getTime() - 100 + 2_000) });
    expect(throttleVerdict({ ...clean, accountFailures: times(10, 3_000) }, now)).toEqual({ allowed: true });
    expect(throttleVerdict({ ...clean, accountFailures: times(40, 1_000) }, now)).toEqual({ allowed: false, scope: "account", retryAt: new Date(now.getTime() - 1_000 + 60_000) });
  });

  it("exempts an address the account signed in from before from the account's slowdown", () => {
    expect(throttleVerdict({ ...clean, accountFailures: times(40, 1_000), isKnownAddress: true }, now)).toEqual({ allowed: true });
    // ... but not from its own pair lock
    expect(throttleVerdict({ ...clean, pairFailures: times(5, 1_000), accountFailures: times(40, 1_000), isKnownAddress: true }, now)).toMatchObject({ allowed: false, scope: "pair" });
  });

  it("refuses an address after twenty failures across accounts", () => {
    expect(throttleVerdict({ ...clean, addressFailures: times(19, 1_000) }, now)).toEqual({ allowed: true });
    expect(throttleVerdict({ ...clean, addressFailures: times(20, 1_000) }, now)).toMatchObject({ allowed: false, scope: "address" });
  });
});

describe("describeRefusal", () => {
  it("gives minutes and the UTC time for locks, seconds for a short slowdown", () => {
    expect(describeRefusal({ allowed: false, scope: "pair", retryAt: new Date(now.getTime() + 14 * 60_000 + 1) }, now)).toBe("Too many failed sign-ins. Try again in 15 minutes (at 12:14 UTC).");
    expect(describeRefusal({ allowed: false, scope: "account", retryAt: new Date(now.getTime() + 1_500) }, now)).toBe("Too many failed sign-ins to this account. Try again in 2 seconds.");
  });
});
