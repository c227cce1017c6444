import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./content-security-policy";

describe("contentSecurityPolicy", () => {
  const production = contentSecurityPolicy({ nonce: "abc123", isDevelopment: false, isHttps: false });

  it("allows scripts only with this request's nonce, never inline or eval", () => {
    const scriptSrc = production.split("; ").find((directive) => directive.startsWith("script-src"));
    expect(scriptSrc).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(scriptSrc).not.toContain("unsafe-eval");
  });

  it("forbids framing, plugins and foreign form targets", () => {
    expect(production).toContain("frame-ancestors 'none'");
    expect(production).toContain("object-src 'none'");
    expect(production).toContain("form-action 'self'");
  });

  it("upgrades insecure requests only behind HTTPS", () => {
    expect(production).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ nonce: "n", isDevelopment: false, isHttps: true })).toContain("upgrade-insecure-requests");
  });
});
