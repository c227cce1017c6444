import "server-only";
import { z } from "zod";
import { ssoSettings } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getAuth } from "./auth";
import { auditSsoFailure } from "./sso-hooks";
import { isSsoRefusalCode, SSO_PROVIDER_ID } from "./sso-settings";
import { safeReturnPath } from "./return-path";
import { clientAddress } from "./client-address";
import { takeRefusalAuditSlot } from "./take-refusal-audit-slot";

// The two halves of an SSO sign-in. Start: better-auth builds the provider's authorization URL
// (state, PKCE verifier and nonce kept in a signed cookie) and we redirect the browser there.
// Callback: the provider sends the browser back to /api/auth/callback/oidc, the only better-auth
// endpoint mounted (app/api/auth/[...all]/route.ts); everything else under /api/auth is a 404, so
// better-auth's own email/password endpoints stay unreachable.

export const SSO_CALLBACK_PATH = `/api/auth/callback/${SSO_PROVIDER_ID}`;

/** The provider's authorization URL; better-auth's state cookie is set on the response (nextCookies). */
export async function startSsoSignIn(next: string | undefined, headers: Headers): Promise<string> {
  if (!ssoSettings()) throw new AppError("NOT_FOUND", "Single sign-on is not configured on this Moddesk.");
  const result = await getAuth().api.signInSocial({
    body: { provider: SSO_PROVIDER_ID, callbackURL: safeReturnPath(next), errorCallbackURL: "/sign-in", disableRedirect: true },
    headers,
  });
  if (!result.url) throw new Error("better-auth returned no authorization URL for the SSO provider");
  return result.url;
}

/** What the callback accepts in its query (better-auth parses it again); long values are refused. */
export const ssoCallbackQuerySchema = z.looseObject({
  code: z.string().max(4096).optional(),
  state: z.string().max(4096).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
  iss: z.string().max(2048).optional(),
});

/** Hands the OIDC callback to better-auth; any other /api/auth path is not served. */
export async function handleSsoCallback(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (!ssoSettings() || url.pathname !== SSO_CALLBACK_PATH) throw new AppError("NOT_FOUND", "Not found.");
  const response = await getAuth().handler(request);
  // Refusals by policy (domain, disabled) were audited with the email by the hooks; a callback that
  // failed earlier (the provider's error, a bad state, an id token that did not verify) is audited here.
  const location = response.headers.get("location");
  const error = location ? new URL(location, url).searchParams.get("error") : null;
  // Anyone can call the callback with ?error=…: audited within the budget anonymous refusals share.
  if (error && !isSsoRefusalCode(error)) {
    const slot = await takeRefusalAuditSlot();
    if (slot.isAudited) await auditSsoFailure(null, clientAddress(request.headers), `sso callback failed: ${error.slice(0, 100)}`, slot.unauditedBefore);
  }
  return response;
}
