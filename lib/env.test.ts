import { afterEach, describe, expect, it, vi } from "vitest";
import { env, isPasswordSignInEnabled, ssoSettings } from "./env";

afterEach(() => vi.unstubAllEnvs());

describe("env: single sign-on and password sign-in", () => {
  it("has SSO off and passwords on by default", () => {
    vi.stubEnv("OIDC_ISSUER", "");
    vi.stubEnv("MODDESK_PASSWORD_SIGNIN", undefined);
    expect(ssoSettings()).toBeNull();
    expect(isPasswordSignInEnabled()).toBe(true);
  });

  it("parses the OIDC_* variables into settings", () => {
    vi.stubEnv("OIDC_ISSUER", "https://accounts.google.com");
    vi.stubEnv("OIDC_CLIENT_ID", "id");
    vi.stubEnv("OIDC_CLIENT_SECRET", "secret");
    vi.stubEnv("OIDC_ALLOWED_DOMAINS", "example.org");
    vi.stubEnv("OIDC_BUTTON_LABEL", "Google");
    vi.stubEnv("MODDESK_PASSWORD_SIGNIN", "off");
    expect(ssoSettings()).toMatchObject({ discoveryUrl: "https://accounts.google.com/.well-known/openid-configuration", allowedDomains: ["example.org"], buttonLabel: "Google" });
    expect(isPasswordSignInEnabled()).toBe(false);
  });

  it("refuses an incomplete SSO setting, naming each variable", () => {
    vi.stubEnv("OIDC_ISSUER", "https://accounts.google.com");
    vi.stubEnv("OIDC_CLIENT_ID", "");
    vi.stubEnv("OIDC_CLIENT_SECRET", "");
    vi.stubEnv("OIDC_ALLOWED_DOMAINS", "");
    expect(() => env()).toThrow(/OIDC_CLIENT_ID: is required[\s\S]*OIDC_CLIENT_SECRET: is required[\s\S]*OIDC_ALLOWED_DOMAINS: is required/);
  });

  it("refuses a MODDESK_PASSWORD_SIGNIN that is neither on nor off", () => {
    vi.stubEnv("MODDESK_PASSWORD_SIGNIN", "no");
    expect(() => env()).toThrow(/MODDESK_PASSWORD_SIGNIN: MODDESK_PASSWORD_SIGNIN must be on or off/);
  });
});
