import { betterAuth } from "better-auth";
import { memoryAdapter } from "better-auth/adapters/memory";
import { describe, expect, it } from "vitest";
import { authCookieSettings, sessionCookieName } from "./cookie-settings";

// A real better-auth with Moddesk's cookie settings (only the database is in memory): what a browser
// is told to store decides whether a sibling subdomain can plant a session for this host.

function authAt(baseURL: string) {
  return betterAuth({
    baseURL,
    secret: "a-test-secret-that-is-long-enough-0123456789",
    database: memoryAdapter({ user: [], session: [], account: [], verification: [] }),
    emailAndPassword: { enabled: true },
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    logger: { disabled: true },
    advanced: authCookieSettings(baseURL),
  });
}

async function signUp(baseURL: string) {
  const auth = authAt(baseURL);
  const { headers } = await auth.api.signUpEmail({
    body: { email: "cookie@example.org", password: "a long enough password", name: "Cookie" },
    returnHeaders: true,
  });
  const sessionCookie = headers.getSetCookie().find((line) => line.includes(".session_token="));
  if (!sessionCookie) throw new Error(`no session cookie in ${JSON.stringify(headers.getSetCookie())}`);
  return { auth, sessionCookie };
}

const attributesOf = (setCookie: string) => setCookie.split(";").slice(1).map((part) => part.trim().toLowerCase());

describe("session cookie over https", () => {
  it("is a __Host- cookie: Secure, Path=/, no Domain, so no other host can set one for this host", async () => {
    const { sessionCookie } = await signUp("https://moddesk.example.org");
    expect(sessionCookie.startsWith("__Host-moddesk.session_token=")).toBe(true);
    const attributes = attributesOf(sessionCookie);
    expect(attributes).toContain("secure");
    expect(attributes).toContain("path=/");
    expect(attributes).toContain("httponly");
    expect(attributes).toContain("samesite=lax");
    expect(attributes.some((attribute) => attribute.startsWith("domain="))).toBe(false);
  });

  it("signs in with its own cookie and ignores a planted __Secure- or unprefixed one", async () => {
    const { auth, sessionCookie } = await signUp("https://moddesk.example.org");
    const pair = sessionCookie.split(";")[0] ?? "";
    const own = await auth.api.getSession({ headers: new Headers({ cookie: pair }) });
    expect(own?.user.email).toBe("cookie@example.org");
    const value = pair.slice(pair.indexOf("=") + 1);
    // What a sibling subdomain can plant with Domain=example.org: any name without __Host-.
    for (const planted of [`__Secure-moddesk.session_token=${value}`, `moddesk.session_token=${value}`]) {
      expect(await auth.api.getSession({ headers: new Headers({ cookie: planted }) })).toBeNull();
    }
  });
});

describe("signing out over https", () => {
  // A browser deletes a __Host- cookie only with a Set-Cookie that meets the prefix's rules itself.
  it("expires the __Host- cookie with Secure and Path=/, and the session no longer signs in", async () => {
    const { auth, sessionCookie } = await signUp("https://moddesk.example.org");
    const pair = sessionCookie.split(";")[0] ?? "";
    const { headers } = await auth.api.signOut({ headers: new Headers({ cookie: pair }), returnHeaders: true });
    const expired = headers.getSetCookie().find((line) => line.startsWith("__Host-moddesk.session_token="));
    if (!expired) throw new Error(`no expiring cookie in ${JSON.stringify(headers.getSetCookie())}`);
    const attributes = attributesOf(expired);
    expect(attributes).toEqual(expect.arrayContaining(["max-age=0", "secure", "path=/"]));
    expect(attributes.some((attribute) => attribute.startsWith("domain="))).toBe(false);
    expect(await auth.api.getSession({ headers: new Headers({ cookie: pair }) })).toBeNull();
  });
});

describe("session cookie over plain http (localhost development)", () => {
  it("has no prefix and no Secure, so a browser stores it on http://localhost", async () => {
    const { sessionCookie } = await signUp("http://localhost:3000");
    expect(sessionCookie.startsWith("moddesk.session_token=")).toBe(true);
    expect(attributesOf(sessionCookie)).not.toContain("secure");
  });

  it("names the session cookie the way better-auth sets it", () => {
    expect(sessionCookieName("https://moddesk.example.org")).toBe("__Host-moddesk.session_token");
    expect(sessionCookieName("HTTPS://moddesk.example.org")).toBe("__Host-moddesk.session_token");
    expect(sessionCookieName("http://127.0.0.1:3000")).toBe("moddesk.session_token");
  });
});
