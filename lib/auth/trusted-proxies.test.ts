import { describe, expect, it } from "vitest";
import { isHttpsRequest, normalizeAddress, parseTrustedProxies, PEER_ADDRESS_HEADER, resolveClientAddress } from "./trusted-proxies";

describe("parseTrustedProxies", () => {
  it("trusts nobody by default", () => {
    expect(parseTrustedProxies(undefined).isTrusted("127.0.0.1")).toBe(false);
    expect(parseTrustedProxies("").entries).toEqual([]);
  });

  it("takes addresses and CIDR ranges, IPv4 and IPv6, with spaces", () => {
    const trusted = parseTrustedProxies(" 10.0.0.1, 192.168.0.0/16 ,fd00::/8, ::1");
    expect(trusted.isTrusted("10.0.0.1")).toBe(true);
    expect(trusted.isTrusted("10.0.0.2")).toBe(false);
    expect(trusted.isTrusted("192.168.44.3")).toBe(true);
    expect(trusted.isTrusted("::ffff:192.168.44.3")).toBe(true);
    expect(trusted.isTrusted("fd12:3456::1")).toBe(true);
    expect(trusted.isTrusted("::1")).toBe(true);
    expect(trusted.isTrusted("not an address")).toBe(false);
  });

  it.each(["10.0.0", "10.0.0.0/33", "10.0.0.0/8/1", "fd00::/129", "10.0.0.0/x", "localhost", "10.0.0.0/"])("refuses %j naming the entry", (entry) => {
    expect(() => parseTrustedProxies(`10.0.0.1,${entry}`)).toThrow(`"${entry}"`);
  });
});

describe("resolveClientAddress", () => {
  const trusted = parseTrustedProxies("10.0.0.1,10.0.1.0/24");

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(resolveClientAddress("203.0.113.9", "198.51.100.1", trusted)).toBe("203.0.113.9");
    expect(resolveClientAddress("::ffff:203.0.113.9", "198.51.100.1, 10.0.0.1", trusted)).toBe("203.0.113.9");
  });

  it("takes the first untrusted hop from the right behind trusted proxies; what the client wrote on the left is never read", () => {
    expect(resolveClientAddress("10.0.0.1", "198.51.100.7", trusted)).toBe("198.51.100.7");
    expect(resolveClientAddress("10.0.0.1", "6.6.6.6, 198.51.100.7", trusted)).toBe("198.51.100.7");
    expect(resolveClientAddress("10.0.0.1", "6.6.6.6, 198.51.100.7, 10.0.1.5", trusted)).toBe("198.51.100.7");
  });

  it("stops at a hop that is not an address, and uses the proxy itself when it forwarded nothing", () => {
    expect(resolveClientAddress("10.0.0.1", "evil, 10.0.1.5", trusted)).toBe("10.0.1.5");
    expect(resolveClientAddress("10.0.0.1", null, trusted)).toBe("10.0.0.1");
    expect(resolveClientAddress("10.0.0.1", " , ", trusted)).toBe("10.0.0.1");
  });

  it("normalizes IPv4-mapped IPv6 peers", () => {
    expect(normalizeAddress(" ::FFFF:127.0.0.1 ")).toBe("127.0.0.1");
    expect(normalizeAddress("2001:DB8::1")).toBe("2001:db8::1");
  });
});

describe("isHttpsRequest (HSTS and upgrade-insecure-requests)", () => {
  const proxy = parseTrustedProxies("127.0.0.2");
  const from = (peer: string, proto?: string) => new Headers({ [PEER_ADDRESS_HEADER]: peer, ...(proto ? { "x-forwarded-proto": proto } : {}) });

  it("believes X-Forwarded-Proto from a trusted proxy only", () => {
    expect(isHttpsRequest(from("127.0.0.2", "https"), undefined, proxy)).toBe(true);
    expect(isHttpsRequest(from("127.0.0.2", "http"), undefined, proxy)).toBe(false);
    expect(isHttpsRequest(from("127.0.0.2", "https, http"), undefined, proxy)).toBe(false);
    expect(isHttpsRequest(from("203.0.113.9", "https"), undefined, proxy)).toBe(false);
    expect(isHttpsRequest(from("127.0.0.1", "https"), undefined, parseTrustedProxies(undefined))).toBe(false);
    expect(isHttpsRequest(new Headers({ "x-forwarded-proto": "https" }), undefined, proxy)).toBe(false);
  });

  it("is https whenever MODDESK_URL is", () => {
    expect(isHttpsRequest(from("203.0.113.9"), "https://moddesk.example.org", proxy)).toBe(true);
    expect(isHttpsRequest(from("203.0.113.9", "https"), "http://localhost:3000", proxy)).toBe(false);
  });

  // The session cookie is __Host- (Secure) for such a URL (cookie-settings.ts): HSTS must agree.
  it("reads MODDESK_URL's scheme as the cookie settings do, in any case", () => {
    expect(isHttpsRequest(from("203.0.113.9"), "HTTPS://moddesk.example.org", proxy)).toBe(true);
  });
});
