/** The client's address as the reverse proxy reports it; absent when the browser talks to Next directly. */
export function clientAddress(requestHeaders: Headers): string | null {
  return requestHeaders.get("x-forwarded-for")?.split(",")[0]?.trim() || requestHeaders.get("x-real-ip") || null;
}
