// Where to go after signing in: only a path on this site. An open redirect after sign-in is a
// phishing aid (a link to our sign-in page that ends on theirs), so the check is done the way a
// browser reads the value, not the way it looks.

const FALLBACK = "/queue";
// Never a real host: it stands for "this site" while the URL parser resolves the path.
const THIS_SITE = "http://moddesk.invalid";

/**
 * `next` as a same-origin path (path, query and fragment, percent-encoded), or /queue. Browsers
 * drop tabs and newlines anywhere in a URL and read `\` as `/`, so `/\t/evil.example` and
 * `/\evil.example` both mean `//evil.example`: we parse with the same (WHATWG) rules and keep the
 * result only if it stayed on this site.
 */
export function safeReturnPath(next: string | null | undefined): string {
  if (typeof next !== "string" || next.length === 0 || next.length > 2_000) return FALLBACK;
  const stripped = next.replace(/[\t\n\r]/g, "");
  // Only a path: a scheme ("javascript:", "https:") or a bare host never qualifies.
  if (!stripped.startsWith("/") || stripped.startsWith("//") || stripped.startsWith("/\\")) return FALLBACK;
  let url: URL;
  try {
    url = new URL(stripped, THIS_SITE);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== THIS_SITE) return FALLBACK;
  // Pages only. An /api/ address would make the sign-in start what it names: a link to
  // /sign-in?next=/api/v1/decisions?format=csv downloaded every decision, audited in the name of
  // whoever signed in, on the link's say-so (the export's cross-site check sees our own redirect).
  if (isApiPath(url.pathname)) return FALLBACK;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // The parser percent-encodes what it keeps; anything below a space left over is not a path.
  if (/[\u0000-\u001f\u007f]/.test(path) || path.startsWith("//")) return FALLBACK;
  return path;
}

/** The route handlers' prefix, after the parser has resolved dot segments (`/queue/../api/…`). */
function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

/**
 * A page's own address as `next` for the sign-in redirect: the path and its query, so a moderator
 * whose session ended comes back to the same tab and filters, not to the page's bare path.
 */
export function pathWithQuery(pathname: string, query: Readonly<Record<string, string | undefined>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) search.append(key, value);
  const encoded = search.toString();
  return encoded ? `${pathname}?${encoded}` : pathname;
}
