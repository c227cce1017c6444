import { NextResponse, type NextRequest } from "next/server";
import { isDatabaseReachable } from "@/lib/db/health";
import { env } from "@/lib/env";
import { isHttpsRequest } from "@/lib/auth/trusted-proxies";
import { checkPagePost } from "@/lib/http/page-post-guard";
import { contentSecurityPolicy } from "@/lib/security/content-security-policy";
import { unavailableResponse } from "@/lib/security/unavailable-response";

// Per-request security headers, and a clear 503 while the database is unreachable. Authorization is NOT decided here: every page, action and route
// checks the session itself. Next reads the nonce from the request's CSP header and puts it on its
// own scripts, so no script runs without it (no 'unsafe-inline' for scripts).
//
// /api/ is NOT matched (but for undecodable paths and requests with a Next-Action header, which no
// route handler takes): with a proxy in the path Next buffers a request body in memory before the
// route sees it, and passes on only the first 10 MB (experimental.proxyClientMaxBodySize) without an
// error, which truncated uploads. Route handlers make their own checks (lib/route.ts).
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (!isDecodablePath(pathname)) return undecodablePath(pathname);
  // Next refuses a server action from another origin itself, but answers 500; say 403, and refuse
  // a missing or "null" Origin too (docs/security-http.md). Every POST to a page, not only those with
  // a Next-Action header: a form posted without JavaScript names its action in the multipart body,
  // and pages take no other POST. A Next-Action header anywhere (/api/, /favicon.ico) comes here too
  // (matcher below); past the action body limit, a 413 rather than Next's 500.
  const verdict = checkPagePost({ method: request.method, pathname, headers: request.headers, configuredUrl: env().MODDESK_URL });
  if (!verdict.ok) {
    if (pathname.startsWith("/api/")) return Response.json({ error: { code: verdict.status === 403 ? "FORBIDDEN" : verdict.status === 413 ? "TOO_LARGE" : "INVALID", message: verdict.message } }, { status: verdict.status });
    return new Response(verdict.message, { status: verdict.status, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  // An /api/ path is here only to have its escapes or a Next-Action header checked (matcher below); the route does the rest.
  if (pathname.startsWith("/api/")) return NextResponse.next();
  if (!(await isDatabaseReachable())) return unavailableResponse(pathname);
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const isHttps = isHttpsRequest(request.headers, env().MODDESK_URL, env().TRUSTED_PROXIES);
  const policy = contentSecurityPolicy({ nonce, isDevelopment: process.env.NODE_ENV !== "production", isHttps });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (isHttps) response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  return response;
}

/** Next answers 500 for a dynamic segment it cannot decode (/authors/%, %C0, %ED%A0%80): it is the client's mistake, a 400. */
function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function undecodablePath(pathname: string): Response {
  const message = "This address is not valid: it holds a % that does not start an escape like %25, or escapes that are not UTF-8 text.";
  if (pathname.startsWith("/api/")) return Response.json({ error: { code: "INVALID", message } }, { status: 400 });
  return new Response(message, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
}

export const config = {
  matcher: [
    { source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" },
    // Under /api/ only a path Next may not decode (a "%" not followed by two hex digits, or an
    // escape of a byte past ASCII, which may not be UTF-8: %C0, %ED%A0%80): Next would answer it
    // with a 500. A valid non-ASCII path (a report to `/sources/x/comments/%C3%A9/reports`) passes
    // on untouched, its body buffered by Next up to 10 MB, above any report body the route takes.
    { source: "/api/(.*%(?![0-9A-Fa-f]{2}).*)" },
    { source: "/api/(.*%[89A-Fa-f][0-9A-Fa-f].*)" },
    // Any path with Next's server-action header (/api/…, /favicon.ico, /_next/static/…): no route
    // handler takes one, and Next's own refusal of a foreign Origin there was a 500.
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
  ],
};
