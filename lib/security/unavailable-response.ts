// What Moddesk answers while its database is unreachable: a 503 that says what is happening and
// that the page will recover by itself (it reloads every 10 seconds), JSON for API callers.

const RETRY_SECONDS = 10;

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${RETRY_SECONDS}">
<title>Moddesk is waiting for its database</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:6rem auto;padding:0 1rem;color:#0f172a}p{color:#475569;line-height:1.5}</style>
</head><body>
<h1>Moddesk cannot reach its database</h1>
<p>No decision was lost: nothing can be written while the database is away. This page tries again every ${RETRY_SECONDS} seconds and the queue comes back by itself once the database answers.</p>
<p>If this lasts, check that PostgreSQL is running (with <code>npm start</code>, it runs inside Moddesk).</p>
</body></html>`;

export function unavailableResponse(pathname: string): Response {
  const headers = { "Retry-After": String(RETRY_SECONDS), "Cache-Control": "no-store" };
  if (pathname.startsWith("/api/")) {
    return Response.json({ error: { code: "UNAVAILABLE", message: "The database is unreachable; retry shortly." } }, { status: 503, headers });
  }
  return new Response(PAGE, { status: 503, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}
