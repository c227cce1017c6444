import "server-only";
import { hashPassword, verifyPassword } from "better-auth/crypto";
import { db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { isPasswordSignInEnabled, ssoSettings } from "@/lib/env";
import { getAuth } from "./auth";
import { claimSignInAttempt, markAttemptSucceeded } from "./claim-sign-in-attempt";
import { takeRefusalAuditSlot } from "./take-refusal-audit-slot";
import { describeRefusal } from "./throttle";

// The one way in, for the form (lib/auth/actions.ts) and the API (POST /api/v1/sessions): the same
// throttle, audit trail and errors. Order matters: throttle first (claimed before the password is
// tried), then the password, and only then whether the account is disabled, so that the answer
// for a wrong password is the same whether or not the email exists or is disabled.

interface SignInRequest {
  email: string;
  password: string;
  headers: Headers;
  ipAddress: string | null;
}

const WRONG_CREDENTIALS = "Wrong email or password.";

/** MODDESK_PASSWORD_SIGNIN=off: said to the form and the API alike, naming the way in that is left. */
export function passwordSignInOffMessage(): string {
  const sso = ssoSettings();
  return sso ? `Password sign-in is turned off on this Moddesk. Use "Sign in with ${sso.buttonLabel}".` : "Password sign-in is turned off on this Moddesk and single sign-on is not configured. Ask your admin.";
}

// A burst of guesses queues for a pool connection and the audit chain's lock: each event waits its
// turn rather than failing after Prisma's 2 s default, which would answer a guess with a server error.
const AUDIT_FAILURE_TRANSACTION = { maxWait: 10_000, timeout: 10_000 };

async function auditFailure(email: string, ipAddress: string | null, reason: string, unauditedBefore = 0): Promise<void> {
  const details = { ipAddress, method: "password", reason, ...(unauditedBefore > 0 ? { unauditedRefusalsBefore: unauditedBefore } : {}) };
  await db.$transaction((tx) => recordAuditEvent(tx, { actor: { id: null, label: email }, action: "auth.sign_in_failed", entityType: "user", entityId: null, details }), AUDIT_FAILURE_TRANSACTION);
}

/** A refusal that cost the caller nothing but a request: audited within the shared budget, counted past it. */
async function auditRefusal(email: string, ipAddress: string | null, reason: string): Promise<void> {
  const slot = await takeRefusalAuditSlot();
  if (slot.isAudited) await auditFailure(email, ipAddress, reason, slot.unauditedBefore);
}

let dummyHash: Promise<string> | undefined;
/** A hash to verify against when the email is unknown, so that the answer takes as long. */
function hashForUnknownEmail(): Promise<string> {
  dummyHash ??= hashPassword("moddesk: no account has this email");
  return dummyHash;
}

/** The account whose password this is, or null; always costs one hash verification. */
async function checkPassword(email: string, password: string): Promise<{ userId: string; isDisabled: boolean } | "unknown email" | "wrong password"> {
  const account = await db.account.findFirst({
    where: { providerId: "credential", user: { email } },
    select: { userId: true, password: true, user: { select: { disabledAt: true } } },
  });
  const isMatch = await verifyPassword({ hash: account?.password ?? (await hashForUnknownEmail()), password });
  if (!account?.password) return "unknown email";
  if (!isMatch) return "wrong password";
  return { userId: account.userId, isDisabled: account.user.disabledAt !== null };
}

/**
 * better-auth's refusal, by shape: `instanceof APIError` failed in route handlers, whose bundle
 * holds another copy of the class (that is how POST /api/v1/sessions answered a wrong password
 * with a 500 before this path checked passwords itself).
 */
function isBetterAuthRefusal(error: unknown): boolean {
  return error instanceof Error && error.name === "APIError" && typeof (error as { statusCode?: unknown }).statusCode === "number";
}

/** Throttles, verifies the password, then lets better-auth open the session (it sets the cookie). */
export async function signIn(request: SignInRequest): Promise<{ userId: string }> {
  const { email, ipAddress } = request;
  if (!isPasswordSignInEnabled()) {
    await auditRefusal(email, ipAddress, "password sign-in turned off");
    throw new AppError("FORBIDDEN", passwordSignInOffMessage());
  }
  const now = new Date();
  const claim = await claimSignInAttempt(email, ipAddress, now);
  if (!claim.allowed) {
    await auditRefusal(email, ipAddress, `throttled (${claim.verdict.scope})`);
    throw new AppError("RATE_LIMITED", describeRefusal(claim.verdict, now), { retryAt: claim.verdict.retryAt.toISOString() });
  }

  const checked = await checkPassword(email, request.password);
  if (typeof checked === "string") {
    await auditFailure(email, ipAddress, checked);
    // One message for both cases, so sign-in does not tell strangers which emails exist.
    throw new AppError("UNAUTHORIZED", WRONG_CREDENTIALS);
  }
  if (checked.isDisabled) {
    // Said only to someone who knows the password: it is the owner, who needs to know why.
    await auditFailure(email, ipAddress, "account disabled");
    throw new AppError("FORBIDDEN", "This account is disabled. Ask an admin to enable it.");
  }

  try {
    const result = await getAuth().api.signInEmail({ body: { email, password: request.password }, headers: request.headers });
    await markAttemptSucceeded(claim.attemptId);
    await db.$transaction((tx) =>
      recordAuditEvent(tx, { actor: { id: result.user.id, label: email }, action: "auth.sign_in", entityType: "user", entityId: result.user.id, details: { ipAddress, method: "password" } }),
    );
    return { userId: result.user.id };
  } catch (error) {
    // The password changed between our check and better-auth's (a reset at that instant).
    if (!isBetterAuthRefusal(error)) throw error;
    await auditFailure(email, ipAddress, "wrong password");
    throw new AppError("UNAUTHORIZED", WRONG_CREDENTIALS);
  }
}
