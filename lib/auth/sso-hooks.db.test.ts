import type { GenericEndpointContext } from "@better-auth/core";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { uniqueId } from "@/lib/moderation/test-factories";
import { validateSsoUser } from "./sso-hooks";
import { SSO_PROVIDER_ID, type SsoSettings } from "./sso-settings";

// better-auth trusts the SSO provider for account linking: an SSO sign-in with the email of an
// existing account signs in to it, whatever the provider says of that email. A provider where
// people sign up or edit their own address (Keycloak, Auth0 or Okta with self-service sign-up and
// no verification) would let anyone type in an admin's email and become that admin.

const settings: SsoSettings = {
  issuer: "https://idp.example.org",
  discoveryUrl: "https://idp.example.org/.well-known/openid-configuration",
  clientId: "moddesk",
  clientSecret: "client-secret",
  allowedDomains: ["example.org"],
  defaultRole: "moderator",
  adminEmails: [],
  buttonLabel: "Example",
};
const context = { headers: new Headers({ "x-moddesk-peer-address": "192.0.2.7" }) } as unknown as GenericEndpointContext;

function signInAs(email: string, profile: Record<string, unknown>, userId?: string) {
  return validateSsoUser(settings, { user: { id: userId, email }, source: { method: "oauth", oauth: { providerId: SSO_PROVIDER_ID, profile: { sub: "idp-user-1", email, ...profile } } } }, context);
}

describe("validateSsoUser: the provider's email_verified claim", () => {
  it("refuses an email the provider says is unverified, for a new user and for linking to an existing one, and audits it", async () => {
    const email = `${uniqueId("sso-unverified")}@example.org`;
    expect(await signInAs(email, { email_verified: false })).toMatchObject({ error: "sso_email_unverified" });
    expect(await signInAs(email, { email_verified: "false" }, "existing-user-id")).toMatchObject({ error: "sso_email_unverified" });
    const audited = await db.auditEvent.findFirst({ where: { action: "auth.sign_in_failed", actorLabel: email }, orderBy: { id: "desc" }, select: { details: true } });
    expect(audited?.details).toMatchObject({ method: "sso", reason: "email not verified by the provider" });
  });

  it("lets in an email the provider says is verified, or one it says nothing about (Entra ID sends no claim)", async () => {
    const email = `${uniqueId("sso-verified")}@example.org`;
    expect(await signInAs(email, { email_verified: true })).toBeUndefined();
    expect(await signInAs(email, { email_verified: "true" })).toBeUndefined();
    expect(await signInAs(email, {})).toBeUndefined();
  });
});
