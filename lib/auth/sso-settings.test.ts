import { describe, expect, it } from "vitest";
import { describeSsoError, discoveryUrlFor, emailVerifiedClaim, isEmailConfirmed, isEmailInAllowedDomains, parseSsoSettings, roleForNewSsoUser } from "./sso-settings";

const complete = {
  OIDC_ISSUER: "https://idp.example.org/oauth2/default",
  OIDC_CLIENT_ID: "moddesk",
  OIDC_CLIENT_SECRET: "s3cret",
  OIDC_ALLOWED_DOMAINS: " Example.org, @newsroom.example ",
};

describe("parseSsoSettings", () => {
  it("is off (null) when OIDC_ISSUER is unset or blank, whatever else is set", () => {
    expect(parseSsoSettings({})).toEqual({ ok: true, settings: null });
    expect(parseSsoSettings({ OIDC_ISSUER: "  ", OIDC_CLIENT_ID: "x" })).toEqual({ ok: true, settings: null });
  });

  it("reads a complete setting, with lower-cased domains, the default role and label", () => {
    const result = parseSsoSettings(complete);
    expect(result).toEqual({
      ok: true,
      settings: {
        issuer: "https://idp.example.org/oauth2/default",
        discoveryUrl: "https://idp.example.org/oauth2/default/.well-known/openid-configuration",
        clientId: "moddesk",
        clientSecret: "s3cret",
        allowedDomains: ["example.org", "newsroom.example"],
        defaultRole: "moderator",
        adminEmails: [],
        buttonLabel: "single sign-on",
        emailsAdminManaged: false,
      },
    });
  });

  it("reads OIDC_EMAILS_ADMIN_MANAGED as on or off, and names anything else", () => {
    expect(parseSsoSettings({ ...complete, OIDC_EMAILS_ADMIN_MANAGED: " ON " })).toMatchObject({ ok: true, settings: { emailsAdminManaged: true } });
    expect(parseSsoSettings({ ...complete, OIDC_EMAILS_ADMIN_MANAGED: "off" })).toMatchObject({ ok: true, settings: { emailsAdminManaged: false } });
    expect(parseSsoSettings({ ...complete, OIDC_EMAILS_ADMIN_MANAGED: "yes" })).toEqual({ ok: false, problems: [{ field: "OIDC_EMAILS_ADMIN_MANAGED", message: '"yes" is not on or off' }] });
  });

  it("takes the role, admin emails and label when given", () => {
    const result = parseSsoSettings({ ...complete, OIDC_DEFAULT_ROLE: "admin", OIDC_ADMIN_EMAILS: "Chief@Example.org, ops@example.org", OIDC_BUTTON_LABEL: "Okta" });
    expect(result.ok && result.settings).toMatchObject({ defaultRole: "admin", adminEmails: ["chief@example.org", "ops@example.org"], buttonLabel: "Okta" });
  });

  it("names every missing or wrong field at once", () => {
    const result = parseSsoSettings({ OIDC_ISSUER: "not a url", OIDC_DEFAULT_ROLE: "editor", OIDC_ADMIN_EMAILS: "nobody", OIDC_ALLOWED_DOMAINS: "example..org" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.field).sort()).toEqual(["OIDC_ADMIN_EMAILS", "OIDC_ALLOWED_DOMAINS", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_DEFAULT_ROLE", "OIDC_ISSUER"]);
    expect(result.problems.find((problem) => problem.field === "OIDC_DEFAULT_ROLE")?.message).toContain('"editor" is not a role');
  });

  it("requires allowed domains: a public issuer would let in anyone with an account there", () => {
    const result = parseSsoSettings({ ...complete, OIDC_ALLOWED_DOMAINS: " , " });
    expect(result.ok ? [] : result.problems.map((problem) => problem.field)).toEqual(["OIDC_ALLOWED_DOMAINS"]);
  });

  it("refuses a plain http issuer except on loopback", () => {
    expect(parseSsoSettings({ ...complete, OIDC_ISSUER: "http://idp.example.org" }).ok).toBe(false);
    expect(parseSsoSettings({ ...complete, OIDC_ISSUER: "http://127.0.0.1:4000" }).ok).toBe(true);
  });
});

describe("discoveryUrlFor", () => {
  it("appends the well-known path once, with or without a trailing slash", () => {
    expect(discoveryUrlFor("https://accounts.google.com")).toBe("https://accounts.google.com/.well-known/openid-configuration");
    expect(discoveryUrlFor("https://login.microsoftonline.com/tenant/v2.0/")).toBe("https://login.microsoftonline.com/tenant/v2.0/.well-known/openid-configuration");
  });
});

describe("isEmailInAllowedDomains", () => {
  const domains = ["example.org"];
  it("lets in exactly the listed domains, case-insensitively", () => {
    expect(isEmailInAllowedDomains("ana@example.org", domains)).toBe(true);
    expect(isEmailInAllowedDomains("Ana@EXAMPLE.ORG", domains)).toBe(true);
  });
  it("refuses look-alikes, subdomains and malformed addresses", () => {
    expect(isEmailInAllowedDomains("ana@evil-example.org", domains)).toBe(false);
    expect(isEmailInAllowedDomains("ana@sub.example.org", domains)).toBe(false);
    expect(isEmailInAllowedDomains("ana@example.org.evil.test", domains)).toBe(false);
    expect(isEmailInAllowedDomains("example.org", domains)).toBe(false);
    expect(isEmailInAllowedDomains("@example.org", domains)).toBe(false);
  });
  it("judges the last @, so a quoted local part cannot smuggle a domain", () => {
    expect(isEmailInAllowedDomains('"ana@example.org"@evil.test', domains)).toBe(false);
  });
});

describe("roleForNewSsoUser", () => {
  const settings = { defaultRole: "moderator" as const, adminEmails: ["chief@example.org"] };
  it("maps listed emails to admin, case-insensitively, and everyone else to the default role", () => {
    expect(roleForNewSsoUser("Chief@Example.org", settings, true)).toBe("admin");
    expect(roleForNewSsoUser("ana@example.org", settings, true)).toBe("moderator");
    expect(roleForNewSsoUser("ana@example.org", { ...settings, defaultRole: "admin" }, true)).toBe("admin");
  });

  it("never makes an admin of a listed email the provider did not confirm (nOAuth)", () => {
    expect(roleForNewSsoUser("chief@example.org", settings, false)).toBe("moderator");
  });
});

describe("describeSsoError", () => {
  it("has our words for our refusals and a generic sentence for anything else, never the code itself", () => {
    expect(describeSsoError("sso_domain_not_allowed")).toContain("domain is not allowed");
    expect(describeSsoError("<script>alert(1)</script>")).not.toContain("script");
    expect(describeSsoError("constructor")).toContain("did not complete");
  });
});

describe("emailVerifiedClaim", () => {
  it("reads true, false and their string forms, and null when the provider says nothing", () => {
    expect([true, "true", false, "false", undefined, "yes", 1].map((claim) => emailVerifiedClaim({ email_verified: claim }))).toEqual([true, true, false, false, null, null, null]);
    expect(emailVerifiedClaim(undefined)).toBeNull();
  });
});

describe("isEmailConfirmed", () => {
  const off = { emailsAdminManaged: false };
  const on = { emailsAdminManaged: true };
  it("follows email_verified when the provider sends it, whatever the admin set", () => {
    expect(isEmailConfirmed({ email_verified: true }, off)).toBe(true);
    expect(isEmailConfirmed({ email_verified: "false" }, on)).toBe(false);
    expect(isEmailConfirmed({ email_verified: false, xms_edov: true }, on)).toBe(false);
  });

  it("without the claim, believes Entra ID's xms_edov or OIDC_EMAILS_ADMIN_MANAGED=on, nothing else", () => {
    expect(isEmailConfirmed({ email: "chief@example.org" }, off)).toBe(false);
    expect(isEmailConfirmed({ email: "chief@example.org", xms_edov: "1" }, off)).toBe(true);
    expect(isEmailConfirmed({ email: "chief@example.org", xms_edov: false }, off)).toBe(false);
    expect(isEmailConfirmed({ email: "chief@example.org" }, on)).toBe(true);
    expect(isEmailConfirmed(null, off)).toBe(false);
  });
});
