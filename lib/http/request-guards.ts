// Checks a route handler makes before it trusts a cookie-authenticated request to change state.
// Pure (headers in, verdict out) so that every case is unit-tested without a server.
//
// A browser attaches the session cookie to requests that another page makes (a form posting
// `text/plain`, a no-cors fetch): SameSite=Lax stops cross-site POSTs, but not a page on the same
// host and another port, which is the same *site*. What such a page cannot forge is the Origin
// header, nor send `application/json` without a CORS preflight that we never grant.

export type GuardVerdict = { ok: true } | { ok: false; status: 403 | 415; code: "FORBIDDEN" | "UNSUPPORTED_MEDIA_TYPE"; message: string };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/**
 * The origin the app is served from. When MODDESK_URL is configured it alone is the app's origin
 * (behind a proxy the Host header is whatever the proxy or the client sent). Without it, the
 * request's own Host header: a browser always sends the host it is talking to, and a page on
 * another origin cannot change it. Unless that host is a DNS name other than localhost: a page on
 * evil.example can make its own name resolve to 127.0.0.1 (DNS rebinding), and the browser then
 * talks to a Moddesk on loopback as evil.example, with Host and Origin both evil.example. Such a
 * name is therefore no origin of the app (`refusedHost`); set MODDESK_URL to serve under a name.
 */
export function appOrigins(headers: Headers, configuredUrl: string | undefined): { hosts: string[]; origins: string[]; refusedHost?: string } {
  if (configuredUrl) return { hosts: [], origins: [new URL(configuredUrl).origin] };
  const host = headers.get("host")?.toLowerCase();
  if (!host) return { hosts: [], origins: [] };
  if (!isAddressOrLocalhost(host)) return { hosts: [], origins: [], refusedHost: host };
  return { hosts: [host], origins: [] };
}

/** "127.0.0.1:3000", "[::1]:3000", "localhost:3000", "app.localhost": names no other site's DNS can answer for. */
function isAddressOrLocalhost(host: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname;
  } catch {
    return false;
  }
  return hostname.startsWith("[") || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(hostname) || hostname === "localhost" || hostname.endsWith(".localhost");
}

function refuse(message: string): GuardVerdict {
  return { ok: false, status: 403, code: "FORBIDDEN", message };
}

function hostRefusal(host: string): GuardVerdict {
  return refuse(
    `Refused: without MODDESK_URL, Moddesk takes requests that use your session or sign you in only at localhost or an IP address, not at ${host} (a page can make any name of its own point at this server). Set MODDESK_URL to the address you use.`,
  );
}

/** Same-origin check: a present, non-null Origin equal to the app's, and no cross-site Sec-Fetch-Site. */
export function checkSameOrigin(headers: Headers, configuredUrl: string | undefined): GuardVerdict {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin") return refuse(`Refused: a request sent by another site (Sec-Fetch-Site: ${fetchSite}) cannot use your session. Use an API token for integrations.`);
  const origin = headers.get("origin");
  if (origin === null || origin === "" || origin === "null") {
    return refuse("Refused: a request signed in by cookie must carry the Origin header of this app. Scripts should send 'Authorization: Bearer <token>' instead.");
  }
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return refuse("Refused: the Origin header is not a URL.");
  }
  const allowed = appOrigins(headers, configuredUrl);
  if (allowed.refusedHost !== undefined) return hostRefusal(allowed.refusedHost);
  if (allowed.origins.includes(parsed.origin) || allowed.hosts.includes(parsed.host.toLowerCase())) return { ok: true };
  return refuse(`Refused: this request came from ${parsed.origin}, not from this app. Use an API token for integrations.`);
}

/**
 * A cookie-authenticated GET or HEAD: it changes no rows, but it can have effects (an export is
 * audited and loads the database), and SameSite=Lax sends the cookie on a top-level navigation
 * from any site and on an `<img>` from the same site (another port). A browser says where the
 * request came from in Sec-Fetch-Site: only this app's own pages (same-origin) and the user's own
 * address bar or bookmark (none) may use the cookie.
 *
 * A browser without Fetch Metadata (Safari before 16.4) says nothing on a navigation, and a page on
 * another site can suppress its Referer (`rel=noreferrer`): silence is therefore refused. What such
 * a browser does send from this app's own pages is a Referer of this origin (our
 * Referrer-Policy, strict-origin-when-cross-origin, keeps the full address on same-origin
 * requests) or, on a cross-origin fetch, an Origin; either must then be ours. Scripts use a token.
 */
export function checkCookieRead(headers: Headers, configuredUrl: string | undefined): GuardVerdict {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite === "same-origin" || fetchSite === "none") return { ok: true };
  if (fetchSite !== null) return refuse(`Refused: a link or page on another site (Sec-Fetch-Site: ${fetchSite}) cannot use your session here. Start it from Moddesk's own page, or use an API token.`);
  if (headers.get("origin") !== null) return checkSameOrigin(headers, configuredUrl);
  const referer = headers.get("referer");
  if (referer !== null && isAppAddress(referer, headers, configuredUrl)) return { ok: true };
  const refusedHost = appOrigins(headers, configuredUrl).refusedHost;
  if (refusedHost !== undefined) return hostRefusal(refusedHost);
  return refuse(
    "Refused: this browser did not say which page started the request (no Sec-Fetch-Site, Origin or Referer of this app), so your session is not used. Start it from Moddesk's own page, or send 'Authorization: Bearer <token>'.",
  );
}

/** Whether an absolute address (a Referer) is on the app's own origin. */
function isAppAddress(address: string, headers: Headers, configuredUrl: string | undefined): boolean {
  let parsed: URL;
  try {
    parsed = new URL(address);
  } catch {
    return false;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return false;
  const allowed = appOrigins(headers, configuredUrl);
  return allowed.origins.includes(parsed.origin) || allowed.hosts.includes(parsed.host.toLowerCase());
}

/** The media type of Content-Type without parameters, lower case ("" when absent). */
export function mediaType(headers: Headers): string {
  return (headers.get("content-type") ?? "").split(";", 1)[0]?.trim().toLowerCase() ?? "";
}

export function checkContentType(headers: Headers, accepted: readonly string[]): GuardVerdict {
  const type = mediaType(headers);
  if (accepted.includes(type)) return { ok: true };
  return { ok: false, status: 415, code: "UNSUPPORTED_MEDIA_TYPE", message: `Send the body as ${accepted.join(" or ")} (got ${type === "" ? "no Content-Type" : type}).` };
}

/**
 * Signing in over HTTP (POST /api/v1/sessions) sets a session cookie, so a page on another origin
 * must not do it either: it would sign the visitor in to the attacker's account, and their
 * decisions would be made as it (login CSRF). A script sends no Origin and needs only a JSON body;
 * a browser always sends Origin on a POST, and then it must be this app's.
 */
export function checkSignInRequest(headers: Headers, configuredUrl: string | undefined): GuardVerdict {
  if (headers.get("origin") !== null || headers.get("sec-fetch-site") !== null) {
    const origin = checkSameOrigin(headers, configuredUrl);
    if (!origin.ok) return origin;
  }
  return checkContentType(headers, ["application/json"]);
}
