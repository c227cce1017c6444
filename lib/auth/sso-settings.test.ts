import { describe, expect, it } from "vitest";
import { describeSsoError, discoveryUrlFor, emailVerifiedClaim, isEmailInAllowedDomains, parseSsoSettings, roleForNewSsoUser } from "./sso-settings";

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
      },
    });
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
    expect(roleForNewSsoUser("Chief@Example.org", settings)).toBe("admin");
    expect(roleForNewSsoUser("ana@example.org", settings)).toBe("moderator");
    expect(roleForNewSsoUser("ana@example.org", { ...settings, defaultRole: "admin" })).toBe("admin");
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
