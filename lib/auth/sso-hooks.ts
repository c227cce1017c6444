import "server-only";
import type { GenericEndpointContext } from "@better-auth/core";
import { recordAuditEvent, SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { clientAddress } from "./client-address";
import { takeRefusalAuditSlot } from "./take-refusal-audit-slot";
import { emailVerifiedClaim, isEmailConfirmed, isEmailInAllowedDomains, roleForNewSsoUser, SSO_PROVIDER_ID, SSO_REFUSALS, type SsoRefusalCode, type SsoSettings } from "./sso-settings";

// What better-auth calls during an SSO callback (lib/auth/auth.ts wires these in): the domain and
// disabled-account checks, the role of a new user, and the audit trail, the same events a password
// sign-in writes (auth.sign_in / auth.sign_in_failed), with method "sso".

/** better-auth's path for GET /api/auth/callback/:id: only these calls are SSO sign-ins. */
const CALLBACK_PATH = "/callback/:id";

export function isSsoCallback(context: GenericEndpointContext | null): boolean {
  return context?.path === CALLBACK_PATH && context.params?.id === SSO_PROVIDER_ID;
}

function addressOf(context: GenericEndpointContext | null): string | null {
  const headers = context?.headers ?? context?.request?.headers;
  return headers ? clientAddress(headers) : null;
}

export async function auditSsoFailure(email: string | null, ipAddress: string | null, reason: string, unauditedBefore = 0): Promise<void> {
  await db.$transaction((tx) =>
    recordAuditEvent(tx, {
      actor: email ? { id: null, label: email } : SYSTEM_ACTOR,
      action: "auth.sign_in_failed",
      entityType: "user",
      entityId: null,
      details: { ipAddress, method: "sso", reason, ...(unauditedBefore > 0 ? { unauditedRefusalsBefore: unauditedBefore } : {}) },
    }),
  );
}

/**
 * A refusal by Moddesk's rules. Anyone with an account at a public issuer (Google's, with the
 * domains limited) can repeat one as fast as the provider redirects, each an event in a log that is
 * never pruned: audited within the budget anonymous refusals share, counted past it.
 */
async function refuse(code: SsoRefusalCode, email: string | null, ipAddress: string | null, reason: string): Promise<{ error: string; errorDescription: string }> {
  const slot = await takeRefusalAuditSlot();
  if (slot.isAudited) await auditSsoFailure(email, ipAddress, reason, slot.unauditedBefore);
  return { error: code, errorDescription: SSO_REFUSALS[code] };
}

/**
 * better-auth's `user.validateUserInfo`: runs before an SSO user is created, linked to an existing
 * account, or signed in again (with the email the provider asserts now, so a user moved out of an
 * allowed domain is refused). Other methods (the CLI's createUser goes through Prisma) pass.
 */
export async function validateSsoUser(
  settings: SsoSettings,
  data: { user: { id?: unknown; email?: unknown }; source: { method: string; action?: string | undefined; oauth?: { providerId: string; profile?: unknown } | undefined } },
  context: GenericEndpointContext,
): Promise<{ error: string; errorDescription: string } | undefined> {
  if (data.source.method !== "oauth" || data.source.oauth?.providerId !== SSO_PROVIDER_ID) return undefined;
  const email = typeof data.user.email === "string" ? data.user.email.toLowerCase() : "";
  const ipAddress = addressOf(context);
  if (!isEmailInAllowedDomains(email, settings.allowedDomains)) {
    return refuse("sso_domain_not_allowed", email || null, ipAddress, "email domain not allowed");
  }
  // The SSO provider is trusted for account linking (auth.ts), so better-auth links by email whatever
  // the provider says of it: an email someone merely typed in at a provider that lets users sign up
  // or edit their address would sign in to the Moddesk account that has it (an admin's, or one
  // listed in OIDC_ADMIN_EMAILS). A provider that says the address is unverified is refused.
  if (emailVerifiedClaim(data.source.oauth.profile) === false) {
    return refuse("sso_email_unverified", email, ipAddress, "email not verified by the provider");
  }
  // "nOAuth": a provider that says nothing of the email (Entra ID) lets whoever administers an
  // identity there (another tenant's admin, with a multi-tenant registration) write in anyone's
  // address. Linking that identity to the existing account with the address would hand it over, so
  // an unconfirmed email links to no existing account; an identity linked before (by its subject)
  // and a new user still sign in (a new user never as an admin: roleForNewSsoUser).
  if (data.source.action === "link-account" && !isEmailConfirmed(data.source.oauth.profile, settings)) {
    return refuse("sso_email_unconfirmed", email, ipAddress, "email not confirmed by the provider: not linked to the existing account");
  }
  if (typeof data.user.id === "string") {
    const existing = await db.user.findUnique({ where: { id: data.user.id }, select: { disabledAt: true } });
    if (existing?.disabledAt) {
      return refuse("sso_account_disabled", email, ipAddress, "account disabled");
    }
  }
  return undefined;
}

/**
 * databaseHooks.user.create.before: a user created by SSO gets the mapped role, never the client's.
 * `emailVerified` is isEmailConfirmed's answer (auth.ts maps the profile through it).
 */
export function assignSsoRole<User extends { email: string; emailVerified?: boolean | undefined }>(settings: SsoSettings, user: User, context: GenericEndpointContext | null) {
  if (!isSsoCallback(context)) return undefined;
  return { data: { ...user, role: roleForNewSsoUser(user.email, settings, user.emailVerified === true) } };
}

/** databaseHooks.user.create.after: a user created by SSO is in the audit log like one created by an admin. */
export async function auditSsoUserCreated(user: { id: string; email: string; role?: unknown }, context: GenericEndpointContext | null): Promise<void> {
  if (!isSsoCallback(context)) return;
  await db.$transaction((tx) =>
    recordAuditEvent(tx, {
      actor: { id: user.id, label: user.email },
      action: "user.create",
      entityType: "user",
      entityId: user.id,
      details: { email: user.email, role: typeof user.role === "string" ? user.role : null, method: "sso" },
    }),
  );
}

/** databaseHooks.session.create.after: the session an SSO callback opened is a sign-in. */
export async function auditSsoSignIn(session: { userId: string }, context: GenericEndpointContext | null): Promise<void> {
  if (!isSsoCallback(context)) return;
  const user = await db.user.findUnique({ where: { id: session.userId }, select: { email: true } });
  await db.$transaction((tx) =>
    recordAuditEvent(tx, {
      actor: { id: session.userId, label: user?.email ?? session.userId },
      action: "auth.sign_in",
      entityType: "user",
      entityId: session.userId,
      details: { ipAddress: addressOf(context), method: "sso" },
    }),
  );
}
