import { isRole, type Role } from "./policy";

// Single sign-on with one OpenID Connect provider, set by environment variables only (lib/env.ts
// parses them through parseSsoSettings). Pure: no database, no better-auth, unit-tested.

/** better-auth's id for the provider: its callback is served at /api/auth/callback/oidc. */
export const SSO_PROVIDER_ID = "oidc";

export interface SsoSettings {
  issuer: string;
  discoveryUrl: string;
  clientId: string;
  clientSecret: string;
  /** Lower-case email domains allowed in; never empty (a public issuer such as Google's serves everyone). */
  allowedDomains: string[];
  defaultRole: Role;
  /** Lower-case emails that arrive as admins on their first sign-in. */
  adminEmails: string[];
  buttonLabel: string;
  /**
   * OIDC_EMAILS_ADMIN_MANAGED=on: every email this provider asserts is set by the organisation's
   * admins (a single-tenant Entra ID directory), so an email without an `email_verified` claim is
   * believed. Off by default: such an email neither links to an existing account nor makes an admin.
   */
  emailsAdminManaged: boolean;
}

export interface SsoEnvironment {
  OIDC_ISSUER?: string | undefined;
  OIDC_CLIENT_ID?: string | undefined;
  OIDC_CLIENT_SECRET?: string | undefined;
  OIDC_ALLOWED_DOMAINS?: string | undefined;
  OIDC_DEFAULT_ROLE?: string | undefined;
  OIDC_ADMIN_EMAILS?: string | undefined;
  OIDC_BUTTON_LABEL?: string | undefined;
  OIDC_EMAILS_ADMIN_MANAGED?: string | undefined;
}

export type SsoParseResult = { ok: true; settings: SsoSettings | null } | { ok: false; problems: Array<{ field: keyof SsoEnvironment; message: string }> };

function splitList(setting: string | undefined): string[] {
  return (setting ?? "")
    .split(",")
    .map((item) => item.trim().toLowerCase())
    .filter((item) => item.length > 0);
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** The issuer's discovery document address, as OpenID Connect Discovery 1.0 defines it. */
export function discoveryUrlFor(issuer: string): string {
  return `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
}

/** null settings when OIDC_ISSUER is unset (SSO off); every problem at once otherwise. */
export function parseSsoSettings(raw: SsoEnvironment): SsoParseResult {
  const issuer = raw.OIDC_ISSUER?.trim();
  if (!issuer) return { ok: true, settings: null };
  const problems: Array<{ field: keyof SsoEnvironment; message: string }> = [];

  let issuerUrl: URL | null = null;
  try {
    issuerUrl = new URL(issuer);
  } catch {
    problems.push({ field: "OIDC_ISSUER", message: `"${issuer}" is not a URL (expected e.g. https://accounts.google.com)` });
  }
  const isLoopback = issuerUrl !== null && ["127.0.0.1", "localhost", "[::1]"].includes(issuerUrl.hostname);
  if (issuerUrl && issuerUrl.protocol !== "https:" && !(issuerUrl.protocol === "http:" && isLoopback)) {
    problems.push({ field: "OIDC_ISSUER", message: "must be an https:// URL (http:// only on loopback, for tests)" });
  }
  const clientId = raw.OIDC_CLIENT_ID?.trim() ?? "";
  if (!clientId) problems.push({ field: "OIDC_CLIENT_ID", message: "is required when OIDC_ISSUER is set" });
  const clientSecret = raw.OIDC_CLIENT_SECRET?.trim() ?? "";
  if (!clientSecret) problems.push({ field: "OIDC_CLIENT_SECRET", message: "is required when OIDC_ISSUER is set" });

  const allowedDomains = splitList(raw.OIDC_ALLOWED_DOMAINS).map((domain) => domain.replace(/^@/, ""));
  if (allowedDomains.length === 0) {
    problems.push({ field: "OIDC_ALLOWED_DOMAINS", message: "is required when OIDC_ISSUER is set: the email domains allowed in, comma-separated (e.g. example.org,example.com)" });
  }
  for (const domain of allowedDomains) {
    if (!DOMAIN.test(domain)) problems.push({ field: "OIDC_ALLOWED_DOMAINS", message: `"${domain}" is not a domain name` });
  }

  const defaultRole = raw.OIDC_DEFAULT_ROLE?.trim() || "moderator";
  if (!isRole(defaultRole)) problems.push({ field: "OIDC_DEFAULT_ROLE", message: `"${defaultRole}" is not a role (admin or moderator)` });

  const adminEmails = splitList(raw.OIDC_ADMIN_EMAILS);
  for (const email of adminEmails) {
    if (!EMAIL.test(email)) problems.push({ field: "OIDC_ADMIN_EMAILS", message: `"${email}" is not an email address` });
  }

  const emailsAdminManaged = (raw.OIDC_EMAILS_ADMIN_MANAGED?.trim() || "off").toLowerCase();
  if (emailsAdminManaged !== "on" && emailsAdminManaged !== "off") {
    problems.push({ field: "OIDC_EMAILS_ADMIN_MANAGED", message: `"${raw.OIDC_EMAILS_ADMIN_MANAGED}" is not on or off` });
  }

  if (problems.length > 0 || !isRole(defaultRole)) return { ok: false, problems };
  return {
    ok: true,
    settings: {
      issuer,
      discoveryUrl: discoveryUrlFor(issuer),
      clientId,
      clientSecret,
      allowedDomains,
      defaultRole,
      adminEmails,
      buttonLabel: raw.OIDC_BUTTON_LABEL?.trim() || "single sign-on",
      emailsAdminManaged: emailsAdminManaged === "on",
    },
  };
}

/** Exact domain match, case-insensitive: "example.org" does not let in "evil-example.org" or "sub.example.org". */
export function isEmailInAllowedDomains(email: string, allowedDomains: readonly string[]): boolean {
  const at = email.lastIndexOf("@");
  if (at < 1) return false;
  const domain = email.slice(at + 1).trim().toLowerCase();
  return allowedDomains.includes(domain);
}

/**
 * The role of a user created by their first SSO sign-in; existing users keep theirs. OIDC_ADMIN_EMAILS
 * counts only for an email the provider confirmed (isEmailConfirmed): anyone who can make an
 * identity with an admin's address unconfirmed (another Entra tenant's admin, a self-service
 * sign-up) would otherwise arrive as that admin.
 */
export function roleForNewSsoUser(email: string, settings: Pick<SsoSettings, "adminEmails" | "defaultRole">, isEmailConfirmed: boolean): Role {
  return isEmailConfirmed && settings.adminEmails.includes(email.trim().toLowerCase()) ? "admin" : settings.defaultRole;
}

/**
 * What the provider's `email_verified` claim says: true, false, or null when it sends none (Entra ID
 * sends none; Google, Okta, Keycloak and Auth0 do). Some send it as the string "true" or "false".
 */
export function emailVerifiedClaim(profile: unknown): boolean | null {
  const claim = typeof profile === "object" && profile !== null ? (profile as { email_verified?: unknown }).email_verified : undefined;
  if (claim === true || claim === "true") return true;
  if (claim === false || claim === "false") return false;
  return null;
}

function isTrueClaim(claim: unknown): boolean {
  return claim === true || claim === "true" || claim === 1 || claim === "1";
}

/**
 * Whether the provider vouches that the email is this person's: `email_verified` true; or, when the
 * provider sends no such claim, Entra ID's `xms_edov` (the email's domain is verified by the
 * tenant, Microsoft's own answer to "nOAuth") or an admin's OIDC_EMAILS_ADMIN_MANAGED=on.
 * `email_verified: false` is never confirmed (and is refused outright by the sign-in).
 */
export function isEmailConfirmed(profile: unknown, settings: Pick<SsoSettings, "emailsAdminManaged">): boolean {
  const verified = emailVerifiedClaim(profile);
  if (verified !== null) return verified;
  const domainOwnerVerified = typeof profile === "object" && profile !== null ? (profile as { xms_edov?: unknown }).xms_edov : undefined;
  return isTrueClaim(domainOwnerVerified) || settings.emailsAdminManaged;
}

/** Why an SSO sign-in is refused, by the code that travels in the error redirect. */
export const SSO_REFUSALS = {
  sso_email_unverified: "Your sign-in provider says this email address is not verified. Verify it there, then sign in again.",
  sso_domain_not_allowed: "This email's domain is not allowed to sign in to Moddesk. Sign in with your work account, or ask an admin to add your domain.",
  sso_email_unconfirmed: "A Moddesk account already uses this email, and your sign-in provider did not confirm that the address is yours, so you were not signed in to it. Ask an admin.",
  sso_account_disabled: "This account is disabled. Ask an admin to enable it.",
} as const;

export type SsoRefusalCode = keyof typeof SSO_REFUSALS;

export function isSsoRefusalCode(code: string): code is SsoRefusalCode {
  return Object.hasOwn(SSO_REFUSALS, code);
}

/** The words to show for an `error` code the callback sent back to the sign-in page. */
export function describeSsoError(code: string): string {
  if (isSsoRefusalCode(code)) return SSO_REFUSALS[code];
  return "Single sign-on did not complete. Try again; if it persists, tell your admin.";
}
