import { BlockList, isIP } from "node:net";

// Server-side request forgery: a webhook URL is the admin's input, and the server that posts to it
// sits inside the newsroom's network. Unless an endpoint is allowed private networks, every
// address the host resolves to must be public (checked at connect time, so a DNS answer that
// changes between the check and the connection cannot slip through).
//
// One BlockList of ranges rather than string prefixes: the URL parser writes an IPv6 literal in hex
// (`[::ffff:127.0.0.1]` becomes `[::ffff:7f00:1]`), and a socket to that address reaches 127.0.0.1.
// BlockList matches an IPv4-mapped IPv6 address against the IPv4 ranges in either spelling.

const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["198.51.100.0", 24],
  ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) NON_PUBLIC.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  // ::/96 holds ::, ::1 and the IPv4-compatible ::a.b.c.d; ::ffff:0:0/96 (mapped) is matched by the IPv4 ranges above.
  ["::", 96], ["::ffff:0:0:0", 96], ["64:ff9b::", 96], ["64:ff9b:1::", 48], ["100::", 64], ["2001::", 32], ["2001:db8::", 32],
  ["2002::", 16], ["fc00::", 7], ["fe80::", 10], ["fec0::", 10], ["ff00::", 8],
] as const) NON_PUBLIC.addSubnet(network, prefix, "ipv6");

/** True for loopback, private, link-local, shared, multicast, reserved, translated and unspecified addresses. */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return NON_PUBLIC.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** Why a URL cannot be a webhook endpoint, or null. Host names are checked again at delivery. */
export function endpointUrlProblem(raw: string, allowPrivateNetwork: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Not a URL.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "Only http and https URLs can receive webhooks.";
  if (url.username || url.password) return "Put credentials in the receiver's check of the signature, not in the URL.";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivateNetwork && (host === "localhost" || host.endsWith(".localhost") || (isIP(host) !== 0 && isNonPublicAddress(host)))) {
    return "This address is on a private or loopback network; an admin must allow private networks for this endpoint.";
  }
  return null;
}
