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
  emailsAdminManaged: false,
};
const context = { headers: new Headers({ "x-moddesk-peer-address": "192.0.2.7" }) } as unknown as GenericEndpointContext;

type Action = "create-user" | "link-account" | "sign-in";

function signInAs(email: string, profile: Record<string, unknown>, userId?: string, action: Action = userId ? "link-account" : "create-user", using: SsoSettings = settings) {
  return validateSsoUser(using, { user: { id: userId, email }, source: { method: "oauth", action, oauth: { providerId: SSO_PROVIDER_ID, profile: { sub: "idp-user-1", email, ...profile } } } }, context);
}

describe("validateSsoUser: the provider's email_verified claim", () => {
  it("refuses an email the provider says is unverified, for a new user and for linking to an existing one, and audits it", async () => {
    const email = `${uniqueId("sso-unverified")}@example.org`;
    expect(await signInAs(email, { email_verified: false })).toMatchObject({ error: "sso_email_unverified" });
    expect(await signInAs(email, { email_verified: "false" }, "existing-user-id")).toMatchObject({ error: "sso_email_unverified" });
    const audited = await db.auditEvent.findFirst({ where: { action: "auth.sign_in_failed", actorLabel: email }, orderBy: { id: "desc" }, select: { details: true } });
    expect(audited?.details).toMatchObject({ method: "sso", reason: "email not verified by the provider" });
  });

  it("lets in an email the provider says is verified, for a new user and for linking", async () => {
    const email = `${uniqueId("sso-verified")}@example.org`;
    expect(await signInAs(email, { email_verified: true })).toBeUndefined();
    expect(await signInAs(email, { email_verified: "true" }, "existing-user-id")).toBeUndefined();
  });
});

describe("validateSsoUser: an email the provider says nothing about (nOAuth)", () => {
  it("is not linked to the existing account with that address, and the refusal is audited", async () => {
    const email = `${uniqueId("sso-unasserted")}@example.org`;
    expect(await signInAs(email, {}, "existing-user-id", "link-account")).toMatchObject({ error: "sso_email_unconfirmed" });
    const audited = await db.auditEvent.findFirst({ where: { action: "auth.sign_in_failed", actorLabel: email }, orderBy: { id: "desc" }, select: { details: true } });
    expect(audited?.details).toMatchObject({ method: "sso", reason: "email not confirmed by the provider: not linked to the existing account", ipAddress: "192.0.2.7" });
  });

  it("still creates a new user, and signs in an identity linked before (by its subject)", async () => {
    const email = `${uniqueId("sso-unasserted")}@example.org`;
    expect(await signInAs(email, {}, undefined, "create-user")).toBeUndefined();
    expect(await signInAs(email, {}, "existing-user-id", "sign-in")).toBeUndefined();
  });

  it("links when Entra ID's xms_edov vouches for the domain, or the admin set OIDC_EMAILS_ADMIN_MANAGED=on", async () => {
    const email = `${uniqueId("sso-unasserted")}@example.org`;
    expect(await signInAs(email, { xms_edov: true }, "existing-user-id", "link-account")).toBeUndefined();
    expect(await signInAs(email, {}, "existing-user-id", "link-account", { ...settings, emailsAdminManaged: true })).toBeUndefined();
  });
});

describe("validateSsoUser: refusals and the audit log", () => {
  it("audits refusals within the budget anonymous refusals share, however fast an outsider repeats them", async () => {
    const email = `${uniqueId("sso-outsider")}@elsewhere.example`;
    for (let attempt = 0; attempt < 80; attempt++) expect(await signInAs(email, { email_verified: true })).toMatchObject({ error: "sso_domain_not_allowed" });
    const audited = await db.auditEvent.count({ where: { action: "auth.sign_in_failed", actorLabel: email } });
    expect(audited).toBeGreaterThan(0);
    expect(audited).toBeLessThanOrEqual(60);
  });
});
