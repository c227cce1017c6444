import "server-only";
import { env } from "@/lib/env";
import { PEER_ADDRESS_HEADER, resolveClientAddress } from "./trusted-proxies";

export { PEER_ADDRESS_HEADER };

// The TCP peer's address (PEER_ADDRESS_HEADER) is stamped on every request by
// scripts/lib/stamp-peer-address.mjs (loaded in front of `next start`), which overwrites any value a
// client sent. Next's route handlers and server actions see only headers, and Next's own
// X-Forwarded-For is the client's when it sent one.

let hasWarned = false;

/** The client's address for throttling and the audit log; null when the server was started without the stamp. */
export function clientAddress(requestHeaders: Headers): string | null {
  const peer = requestHeaders.get(PEER_ADDRESS_HEADER);
  if (!peer) {
    if (!hasWarned) console.warn(`[auth] no ${PEER_ADDRESS_HEADER} header: start Moddesk with npm start (see docs/security-auth.md); sign-ins are throttled per account only`);
    hasWarned = true;
    return null;
  }
  return resolveClientAddress(peer, requestHeaders.get("x-forwarded-for"), env().TRUSTED_PROXIES);
}
