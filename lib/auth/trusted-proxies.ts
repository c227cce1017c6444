import { BlockList, isIP } from "node:net";
import { isHttpsUrl } from "./cookie-settings";

// TRUSTED_PROXIES: the reverse proxies whose X-Forwarded-For we believe. Pure (no env read here):
// lib/env.ts parses the setting, lib/auth/client-address.ts applies it.

export interface TrustedProxies {
  entries: readonly string[];
  isTrusted(address: string): boolean;
}

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) is 10.0.0.1. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return (mapped?.[1] ?? trimmed).toLowerCase();
}

function familyOf(address: string): "ipv4" | "ipv6" | null {
  const version = isIP(address);
  return version === 4 ? "ipv4" : version === 6 ? "ipv6" : null;
}

/** Parses "10.0.0.1, 192.168.0.0/16, ::1" (comma-separated addresses and CIDR ranges); throws naming the bad entry. */
export function parseTrustedProxies(setting: string | undefined): TrustedProxies {
  const list = new BlockList();
  const entries = (setting ?? "").split(",").map((entry) => entry.trim()).filter((entry) => entry.length > 0);
  for (const entry of entries) {
    const [base = "", prefixText, extra] = entry.split("/");
    const address = normalizeAddress(base);
    const family = familyOf(address);
    const prefix = prefixText === undefined ? null : Number(prefixText);
    const maxPrefix = family === "ipv4" ? 32 : 128;
    if (!family || extra !== undefined || (prefix !== null && (!/^\d{1,3}$/.test(prefixText ?? "") || prefix > maxPrefix))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or a CIDR range (like 10.0.0.1 or 10.0.0.0/8 or fd00::/8)`);
    }
    if (prefix === null) list.addAddress(address, family);
    else list.addSubnet(address, prefix, family);
  }
  return {
    entries,
    isTrusted: (candidate) => {
      const address = normalizeAddress(candidate);
      const family = familyOf(address);
      return family !== null && list.check(address, family);
    },
  };
}

/**
 * The client's address given the direct peer and the X-Forwarded-For chain: the peer itself unless
 * it is a trusted proxy; then the chain is read from the right (the end our proxy appended) and
 * the first hop that is not a trusted proxy is the client. Anything left of it was written by the
 * client and is never believed.
 */
export function resolveClientAddress(peer: string, forwardedFor: string | null, trusted: TrustedProxies): string {
  let client = normalizeAddress(peer);
  if (!trusted.isTrusted(client)) return client;
  const hops = (forwardedFor ?? "").split(",").map((hop) => normalizeAddress(hop)).filter((hop) => hop.length > 0);
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = hops[index] ?? "";
    // A hop that is not an address is a broken or forged chain: stop at the last one we could check.
    if (familyOf(hop) === null) return client;
    client = hop;
    if (!trusted.isTrusted(hop)) return client;
  }
  return client;
}

/** The TCP peer's address, stamped on every request by scripts/lib/stamp-peer-address.mjs (a client's own value is overwritten). */
export const PEER_ADDRESS_HEADER = "x-moddesk-peer-address";

/**
 * Whether the browser reached Moddesk over https (HSTS, upgrade-insecure-requests): MODDESK_URL says
 * so, or a trusted proxy's X-Forwarded-Proto does. A client's own X-Forwarded-Proto is not believed;
 * nor is Next's idea of the protocol, which it takes from that same header.
 */
export function isHttpsRequest(headers: Headers, configuredUrl: string | undefined, trusted: TrustedProxies): boolean {
  // The same reading as the cookies' (a __Host- cookie over https): one helper, one answer.
  if (configuredUrl !== undefined && isHttpsUrl(configuredUrl)) return true;
  const peer = headers.get(PEER_ADDRESS_HEADER);
  if (!peer || !trusted.isTrusted(peer)) return false;
  const hops = (headers.get("x-forwarded-proto") ?? "").split(",");
  // Each proxy appends its own: the last one is what the proxy next to us saw.
  return hops[hops.length - 1]?.trim().toLowerCase() === "https";
}
