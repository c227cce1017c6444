// The names and attributes of better-auth's cookies (session, SSO state). Pure, so the unit test can
// hand the same settings to a real better-auth instance.
//
// Over HTTPS every cookie is named `__Host-moddesk.*`: a browser accepts such a cookie only with
// Secure, Path=/ and no Domain, from this very host. A `__Secure-` cookie (better-auth's own choice
// with useSecureCookies) may carry `Domain=example.org`, so a sibling subdomain (a compromised
// comments widget, a dangling DNS record) could plant its own session cookie for this host and sign
// the moderator in to the attacker's account (cookie tossing). better-auth 1.7 cannot emit
// `__Host-` itself (it puts `__Secure-` in front of any prefix), so its secure prefix is turned off
// and ours carries `__Host-`; better-call then forces Secure, Path=/ and no Domain on the name.
// Plain http (localhost development, the e2e server) keeps unprefixed cookies, which browsers
// would refuse to store with `__Host-` there.

export const COOKIE_NAMESPACE = "moddesk";
export const HOST_COOKIE_PREFIX = "__Host-";

export type AuthCookieSettings = {
  cookiePrefix: string;
  useSecureCookies: false;
  defaultCookieAttributes: { httpOnly: true; sameSite: "lax"; secure: boolean; path: "/" };
};

export function isHttpsUrl(baseURL: string): boolean {
  return baseURL.toLowerCase().startsWith("https://");
}

export function authCookieSettings(baseURL: string): AuthCookieSettings {
  const isHttps = isHttpsUrl(baseURL);
  return {
    cookiePrefix: isHttps ? `${HOST_COOKIE_PREFIX}${COOKIE_NAMESPACE}` : COOKIE_NAMESPACE,
    useSecureCookies: false,
    defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: isHttps, path: "/" },
  };
}

/** The session cookie's name for this base URL (tests and tools that hand-make a signed-in request). */
export function sessionCookieName(baseURL: string): string {
  return `${authCookieSettings(baseURL).cookiePrefix}.session_token`;
}
