import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { claimSignInAttempt } from "./claim-sign-in-attempt";
import { createUser } from "./create-user";
import { signIn } from "./sign-in";

// The throttle against real Postgres and the real sign-in function. Only refusals are exercised
// here (a session needs a Next request); e2e/sign-in-security.spec.ts signs in over HTTP.

const uniqueEmail = (label: string) => `${label}-${randomBytes(4).toString("hex")}@db.test`;

async function outcomeOf(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt;
    return "SIGNED_IN";
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

const attempt = (email: string, password: string, ipAddress: string | null) => outcomeOf(signIn({ email, password, ipAddress, headers: new Headers() }));

function tally(outcomes: string[]): Record<string, number> {
  return outcomes.reduce<Record<string, number>>((counts, outcome) => ({ ...counts, [outcome]: (counts[outcome] ?? 0) + 1 }), {});
}

describe("claiming a sign-in attempt", () => {
  it("lets exactly five of 30 parallel attempts from one address through for one account", async () => {
    const email = uniqueEmail("parallel");
    const now = new Date();
    const claims = await Promise.all(Array.from({ length: 30 }, () => claimSignInAttempt(email, "198.51.100.1", now)));
    expect(claims.filter((claim) => claim.allowed)).toHaveLength(5);
    expect(await db.signInAttempt.count({ where: { email } })).toBe(5);
  });

  it("lets ten of 30 parallel attempts from 30 addresses through for one account, then slows the account down", async () => {
    const email = uniqueEmail("spread");
    const now = new Date();
    const claims = await Promise.all(Array.from({ length: 30 }, (_, index) => claimSignInAttempt(email, `198.51.100.${index + 10}`, now)));
    expect(claims.filter((claim) => claim.allowed)).toHaveLength(10);
    const refused = claims.find((claim) => !claim.allowed);
    expect(refused && !refused.allowed && refused.verdict).toMatchObject({ scope: "account", retryAt: new Date(now.getTime() + 2_000) });
  });

  it("counts an IPv6 client's whole /64 as one address: a fresh address per guess does not escape the address limit", async () => {
    const now = new Date();
    const network = `2001:db8:${randomBytes(2).toString("hex")}:1`;
    // Password spraying: one guess at each of 25 accounts, each from another address of the same /64.
    const claims = [];
    for (let index = 0; index < 25; index++) claims.push(await claimSignInAttempt(uniqueEmail(`spray${index}`), `${network}:${index.toString(16)}::${index + 1}`, now));
    expect(claims.filter((claim) => claim.allowed)).toHaveLength(20);
    const refused = claims.at(-1);
    expect(refused && !refused.allowed && refused.verdict.scope).toBe("address");
    // Another /64 is another subscriber.
    expect((await claimSignInAttempt(uniqueEmail("neighbour"), `2001:db8:${randomBytes(2).toString("hex")}:2::1`, now)).allowed).toBe(true);
  });
});

describe("signing in", () => {
  it("answers 30 parallel wrong passwords with five UNAUTHORIZED and 25 RATE_LIMITED, then refuses the right password too", async () => {
    const user = await createUser(db, { email: uniqueEmail("guessed"), role: "moderator" }, SYSTEM_ACTOR);
    const outcomes = await Promise.all(Array.from({ length: 30 }, (_, index) => attempt(user.email, `wrong-password-${index}`, "203.0.113.5")));
    expect(tally(outcomes)).toEqual({ UNAUTHORIZED: 5, RATE_LIMITED: 25 });
    expect(await attempt(user.email, user.password, "203.0.113.5")).toBe("RATE_LIMITED");

    expect(await db.signInAttempt.count({ where: { email: user.email, succeeded: false } })).toBe(5);
    const failures = await db.auditEvent.findMany({ where: { action: "auth.sign_in_failed", actorLabel: user.email }, select: { details: true } });
    const reasons = failures.map((event) => (event.details as { reason?: string }).reason);
    expect(tally(reasons as string[])).toEqual({ "wrong password": 5, "throttled (pair)": 26 });
  });

  // After the test above that counts throttled events: this one uses up the minute's budget.
  it("audits refused attempts within a budget, not one event each: a hammering address cannot fill the append-only log", async () => {
    const email = uniqueEmail("hammered");
    const outcomes: string[] = [];
    for (let round = 0; round < 15; round++) outcomes.push(...(await Promise.all(Array.from({ length: 10 }, () => attempt(email, "guess", "198.51.100.200")))));
    expect(tally(outcomes)).toEqual({ UNAUTHORIZED: 5, RATE_LIMITED: 145 });
    const throttled = await db.auditEvent.count({ where: { action: "auth.sign_in_failed", actorLabel: email, details: { path: ["reason"], string_starts_with: "throttled" } } });
    // At most one minute's budget (60, shared with the other refusals of this process), not 145.
    expect(throttled).toBeLessThanOrEqual(60);
  });

  it("does not let a stranger's failures refuse the owner's attempt from another address", async () => {
    const user = await createUser(db, { email: uniqueEmail("victim"), role: "moderator" }, SYSTEM_ACTOR);
    for (let index = 0; index < 8; index += 1) await attempt(user.email, "not-the-password", "192.0.2.66");
    expect(await attempt(user.email, "not-the-password", "192.0.2.66")).toBe("RATE_LIMITED");
    // The owner's own typo from their address is answered as a wrong password, not a lockout.
    expect(await attempt(user.email, "owner-typo", "192.0.2.10")).toBe("UNAUTHORIZED");
  });

  it("says an account is disabled only to someone who knows its password; an unknown email reads as a wrong password", async () => {
    const user = await createUser(db, { email: uniqueEmail("disabled"), role: "moderator" }, SYSTEM_ACTOR);
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await attempt(user.email, "not-the-password", "192.0.2.20")).toBe("UNAUTHORIZED");
    expect(await attempt(user.email, user.password, "192.0.2.20")).toBe("FORBIDDEN");
    expect(await attempt(uniqueEmail("nobody"), "whatever-password", "192.0.2.20")).toBe("UNAUTHORIZED");
    const reasons = await db.auditEvent.findMany({ where: { action: "auth.sign_in_failed", details: { path: ["ipAddress"], equals: "192.0.2.20" } }, orderBy: { id: "asc" }, select: { details: true } });
    expect(reasons.map((event) => (event.details as { reason?: string }).reason)).toEqual(["wrong password", "account disabled", "unknown email"]);
  });
});
