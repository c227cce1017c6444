import { checkSameOrigin, isStateChanging } from "./request-guards";

// What proxy.ts answers a request that may carry a server action before Next sees it. Next refuses
// a server action from another origin itself, and one past its body limit, but answers both with a
// 500 (and only where the proxy ran did the app say 403): a Next-Action POST to /api/…, to
// /favicon.ico or to /_next/static/… from another site was Next's 500 (docs/security.md, eighth review).

/** next.config.js `experimental.serverActions.bodySizeLimit` ("2mb"): keep the two equal. */
export const SERVER_ACTION_MAX_BYTES = 2 * 1024 * 1024;

export type PagePostVerdict = { ok: true } | { ok: false; status: 400 | 403 | 413; message: string };

const OK: PagePostVerdict = { ok: true };

/**
 * A state-changing request to a page (only server actions post there) or carrying Next's
 * `Next-Action` header anywhere: the app's own Origin, a declared size within the limit, and never
 * under /api/, where route handlers live and no action is served. Other /api/ requests pass: route
 * handlers make their own checks (lib/route.ts).
 */
export function checkPagePost(request: { method: string; pathname: string; headers: Headers; configuredUrl: string | undefined }): PagePostVerdict {
  const isApi = request.pathname === "/api" || request.pathname.startsWith("/api/");
  const isAction = request.headers.has("next-action");
  if (!isStateChanging(request.method) || (isApi && !isAction)) return OK;
  const origin = checkSameOrigin(request.headers, request.configuredUrl);
  if (!origin.ok) return { ok: false, status: 403, message: origin.message };
  if (isApi) return { ok: false, status: 400, message: "No server action is served under /api/: route handlers take JSON with a session from this app or an API token." };
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared.trim()) > SERVER_ACTION_MAX_BYTES) {
    return { ok: false, status: 413, message: `The request is larger than ${SERVER_ACTION_MAX_BYTES / (1024 * 1024)} MB; nothing of it was used. Send less at once (fewer terms, a shorter text).` };
  }
  return OK;
}
