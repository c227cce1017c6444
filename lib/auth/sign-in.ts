import "server-only";
import { APIError } from "better-auth/api";
import { db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { getAuth } from "./auth";
import { ACCOUNT_THROTTLE, ADDRESS_THROTTLE, throttleVerdict, type ThrottleVerdict } from "./throttle";

interface SignInRequest {
  email: string;
  password: string;
  headers: Headers;
  ipAddress: string | null;
}

async function recentFailures(where: { email: string } | { ipAddress: string }, since: Date): Promise<Date[]> {
  const rows = await db.signInAttempt.findMany({ where: { ...where, succeeded: false, attemptedAt: { gt: since } }, select: { attemptedAt: true } });
  return rows.map((row) => row.attemptedAt);
}

function describeRetry(verdict: Extract<ThrottleVerdict, { allowed: false }>, now: Date): string {
  const minutes = Math.max(1, Math.ceil((verdict.retryAt.getTime() - now.getTime()) / 60_000));
  return `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"} (at ${verdict.retryAt.toISOString().slice(11, 16)} UTC).`;
}

async function recordAttempt(email: string, ipAddress: string | null, outcome: { succeeded: true; userId: string } | { succeeded: false; reason: string }) {
  await db.$transaction(async (tx) => {
    await tx.signInAttempt.create({ data: { email, ipAddress, succeeded: outcome.succeeded } });
    await recordAuditEvent(tx, {
      actor: { id: outcome.succeeded ? outcome.userId : null, label: email },
      action: outcome.succeeded ? "auth.sign_in" : "auth.sign_in_failed",
      entityType: "user",
      entityId: outcome.succeeded ? outcome.userId : null,
      details: { ipAddress, ...(outcome.succeeded ? {} : { reason: outcome.reason }) },
    });
  });
}

/** Checks throttles, verifies the password through better-auth (which sets the session cookie). */
export async function signIn(request: SignInRequest): Promise<{ userId: string }> {
  const now = new Date();
  const since = new Date(now.getTime() - Math.max(ACCOUNT_THROTTLE.windowMs, ADDRESS_THROTTLE.windowMs));
  const verdicts = [throttleVerdict(await recentFailures({ email: request.email }, since), now, ACCOUNT_THROTTLE)];
  if (request.ipAddress) verdicts.push(throttleVerdict(await recentFailures({ ipAddress: request.ipAddress }, since), now, ADDRESS_THROTTLE));
  const refused = verdicts.find((verdict) => !verdict.allowed);
  if (refused && !refused.allowed) {
    await recordAttempt(request.email, request.ipAddress, { succeeded: false, reason: "throttled" });
    throw new AppError("RATE_LIMITED", describeRetry(refused, now), { retryAt: refused.retryAt.toISOString() });
  }

  const user = await db.user.findUnique({ where: { email: request.email }, select: { id: true, disabledAt: true } });
  if (user?.disabledAt) {
    await recordAttempt(request.email, request.ipAddress, { succeeded: false, reason: "account disabled" });
    throw new AppError("FORBIDDEN", "This account is disabled. Ask an admin to enable it.");
  }
  try {
    const result = await getAuth().api.signInEmail({ body: { email: request.email, password: request.password }, headers: request.headers });
    await recordAttempt(request.email, request.ipAddress, { succeeded: true, userId: result.user.id });
    return { userId: result.user.id };
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    await recordAttempt(request.email, request.ipAddress, { succeeded: false, reason: user ? "wrong password" : "unknown email" });
    // One message for both cases, so sign-in does not tell strangers which emails exist.
    throw new AppError("UNAUTHORIZED", "Wrong email or password.");
  }
}
