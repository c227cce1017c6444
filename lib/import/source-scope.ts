// Comment ids from WordPress and Disqus are unique within one site or forum only: two blogs both
// have a comment 2. Keys name the site (WXR) or forum (Disqus) they came from, so that a second
// site's export adds its comments instead of taking them for the first site's.

/** A site's URL as a key part: no scheme, no trailing slash, host in lower case ("blog.example.com/news"). */
export function siteScope(url: string): string {
  const trimmed = url.trim();
  try {
    const parsed = new URL(trimmed);
    return `${parsed.host.toLowerCase()}${parsed.pathname.replace(/\/+$/, "")}`;
  } catch {
    return trimmed.replace(/^[a-z]+:\/\//i, "").replace(/\/+$/, "");
  }
}

export const UNKNOWN_SCOPE = "unknown-site";
