import { NextResponse, type NextRequest } from "next/server";
import { isDatabaseReachable } from "@/lib/db/health";
import { contentSecurityPolicy } from "@/lib/security/content-security-policy";
import { unavailableResponse } from "@/lib/security/unavailable-response";

// Per-request security headers, and a clear 503 while the database is unreachable. Authorization is NOT decided here: every page, action and route
// checks the session itself. Next reads the nonce from the request's CSP header and puts it on its
// own scripts, so no script runs without it (no 'unsafe-inline' for scripts).
export async function proxy(request: NextRequest) {
  if (!(await isDatabaseReachable())) return unavailableResponse(request.nextUrl.pathname);
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const isHttps = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const policy = contentSecurityPolicy({ nonce, isDevelopment: process.env.NODE_ENV !== "production", isHttps });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (isHttps) response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
