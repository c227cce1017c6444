import { handleSsoCallback, ssoCallbackQuerySchema } from "@/lib/auth/sso-sign-in";
import { definePublicRoute } from "@/lib/route";

// Single sign-on's callback from the OpenID Connect provider (docs/sso.md). Only
// GET /api/auth/callback/oidc reaches better-auth; every other path here is a 404 and every other
// method a 405, so better-auth's own sign-in and sign-up endpoints stay unreachable.
export const GET = definePublicRoute({
  name: "GET /api/auth/callback/oidc",
  input: ssoCallbackQuerySchema,
  run: (_query, { request }) => handleSsoCallback(request),
});
