import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { genericOAuth } from "better-auth/plugins";
import { getDb } from "@/lib/db/client";
import { env, publicUrl } from "@/lib/env";
import { authCookieSettings } from "./cookie-settings";
import { assignSsoRole, auditSsoSignIn, auditSsoUserCreated, validateSsoUser } from "./sso-hooks";
import { isEmailConfirmed, SSO_PROVIDER_ID, type SsoSettings } from "./sso-settings";

// better-auth owns passwords, sessions and cookies. Its HTTP endpoints are not mounted: sign-in and
// sign-out go through our server actions (lib/auth/sign-in.ts), which add throttling per account
// and the audit trail, so there is no second, unaudited way in. The one exception is single sign-on
// (docs/sso.md): app/api/auth/[...all]/route.ts passes only the OIDC callback to better-auth, and
// the hooks in sso-hooks.ts add the domain and disabled checks, the role and the audit trail.

/** The generic OAuth plugin for the configured OpenID Connect provider (discovery, PKCE, nonce). */
function ssoPlugin(settings: SsoSettings) {
  return genericOAuth({
    config: [
      {
        providerId: SSO_PROVIDER_ID,
        name: settings.buttonLabel,
        discoveryUrl: settings.discoveryUrl,
        clientId: settings.clientId,
        clientSecret: settings.clientSecret,
        scopes: ["openid", "email", "profile"],
        pkce: true,
        // An id token that does not verify against the issuer's keys is a refusal, never a fallback.
        requireIdTokenVerification: true,
        disableProviderLogout: true,
        mapProfileToUser: (profile) => ({
          email: typeof profile.email === "string" ? profile.email.toLowerCase() : profile.email,
          // Stored on the user and read by assignSsoRole: verified only when the provider vouches for it.
          emailVerified: isEmailConfirmed(profile, settings),
          name: typeof profile.name === "string" && profile.name ? profile.name : String(profile.email ?? "").split("@")[0],
        }),
      },
    ],
  });
}

function createAuth() {
  const secret = env().BETTER_AUTH_SECRET;
  if (!secret) throw new Error("BETTER_AUTH_SECRET is not set. `npm start` generates one; in production set it to 32+ random characters.");
  const baseURL = publicUrl();
  const sso = env().sso;
  return betterAuth({
    appName: "Moddesk",
    baseURL,
    secret,
    database: prismaAdapter(getDb(), { provider: "postgresql" }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12, maxPasswordLength: 256 },
    user: {
      validateUserInfo: (data, context) => (sso ? validateSsoUser(sso, data, context) : undefined),
      additionalFields: {
        role: { type: "string", input: false, defaultValue: "moderator" },
        disabledAt: { type: "date", required: false, input: false },
      },
    },
    // An SSO sign-in with the email of an existing account signs in to that account (its role kept):
    // the provider is the organisation's, limited to its domains, and accounts are made by admins.
    account: { accountLinking: { enabled: true, trustedProviders: [SSO_PROVIDER_ID], requireLocalEmailVerified: false } },
    databaseHooks: {
      user: {
        create: {
          before: async (user, context) => (sso ? assignSsoRole(sso, user, context) : undefined),
          after: (user, context) => auditSsoUserCreated(user, context),
        },
      },
      session: { create: { after: (session, context) => auditSsoSignIn(session, context) } },
    },
    onAPIError: { errorURL: `${baseURL}/sign-in` },
    // 12 hours from sign-in, not from the last request: better-auth slides a session forward on use
    // by default (and the queue polls every few seconds), so an open tab kept a session alive for
    // good, past a disable at the SSO provider or a removed person's last shift (docs/sso.md).
    session: { expiresIn: 60 * 60 * 12, disableSessionRefresh: true },
    // Our own throttle (per account and per address, stored in Postgres) replaces the built-in one.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    logger: { level: "error" },
    // `__Host-moddesk.*` over https, so no sibling subdomain can plant a session (cookie-settings.ts).
    advanced: authCookieSettings(baseURL),
    // nextCookies last, as better-auth asks: it sets the cookies of whatever ran before it.
    plugins: sso ? [ssoPlugin(sso), nextCookies()] : [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const holder = globalThis as unknown as { moddeskAuth?: Auth };

export function getAuth(): Auth {
  holder.moddeskAuth ??= createAuth();
  return holder.moddeskAuth;
}
