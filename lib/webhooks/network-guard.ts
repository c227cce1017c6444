import { isIP } from "node:net";

// Server-side request forgery: a webhook URL is the admin's input, and the server that posts to it
// sits inside the newsroom's network. Unless an endpoint is allowed private networks, every
// address the host resolves to must be public (checked at connect time, so a DNS answer that
// changes between the check and the connection cannot slip through).

function ipv4Parts(address: string): number[] {
  return address.split(".").map(Number);
}

function isPrivateIpv4(address: string): boolean {
  const [a = 0, b = 0] = ipv4Parts(address);
  return (
    a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) || (a === 192 && b === 0) || (a === 198 && (b === 18 || b === 19)) || a >= 224
  );
}

/** True for loopback, private, link-local, shared, multicast, reserved and unspecified addresses. */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return isPrivateIpv4(address);
  if (family !== 6) return true;
  const lower = address.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return isPrivateIpv4(mapped[1]!);
  return lower === "::" || lower === "::1" || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower) || lower.startsWith("ff") || lower.startsWith("64:ff9b:") || lower.startsWith("2001:db8");
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
