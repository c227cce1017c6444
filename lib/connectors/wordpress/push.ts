import type { ConnectorFetch, PushOutcome, PushRequest } from "../connector";
import type { WordpressConfig } from "./config";
import { callRest, restUrl, wordpressSiteVersion, type RestAnswer, type WordpressComment } from "./rest-client";

// Sets a comment's status on the site, after reading it: if it is already in the wanted status the
// push is done (a retry whose first answer was lost lands here too); if it changed on the site
// since Moddesk saw it, nothing is written and the push is a conflict for the desk to resolve.
// The hide reason goes into the comment meta `moddesk_reason` when the site registers that key
// (docs/connectors.md has the lines of PHP); otherwise the status alone is written.

export const REASON_META_KEY = "moddesk_reason";

function failure(answer: Extract<RestAnswer<unknown>, { ok: false }>, what: string): PushOutcome {
  const detail = `${what}: ${answer.detail}`;
  if (answer.status === 404) return { outcome: "failed", detail: `${what}: the comment no longer exists on the site` };
  return answer.retryable ? { outcome: "retry", detail, ...(answer.retryAfter ? { retryAfter: answer.retryAfter } : {}) } : { outcome: "failed", detail };
}

function hasReasonMeta(comment: WordpressComment): boolean {
  const meta = comment.meta;
  return meta !== undefined && !Array.isArray(meta) && REASON_META_KEY in meta;
}

function reasonText(request: PushRequest): string {
  if (request.decision !== "HIDE") return "";
  return [request.reason, request.note].filter((part) => part !== undefined && part !== "").join(": ");
}

export async function pushWordpressDecision(config: WordpressConfig, request: PushRequest, fetchFn: ConnectorFetch): Promise<PushOutcome> {
  const commentUrl = restUrl(config, `/wp/v2/comments/${encodeURIComponent(request.externalId)}`);
  const current = await callRest<WordpressComment>(config, fetchFn, `${commentUrl}?context=edit`);
  if (!current.ok) return failure(current, "reading the comment");
  const seen = current.body;
  const seenVersion = wordpressSiteVersion(seen);
  if (seen.status === request.siteStatus) return { outcome: "applied", siteVersion: seenVersion };
  if (request.expectedSiteVersion !== undefined && request.expectedSiteVersion !== seenVersion) {
    const [expectedStatus] = request.expectedSiteVersion.split(":");
    const detail =
      expectedStatus !== seen.status
        ? `the comment is '${seen.status}' on the site; Moddesk last saw it '${expectedStatus}'`
        : "the comment's text was edited on the site since Moddesk last saw it";
    return { outcome: "conflict", siteStatus: seen.status, siteVersion: seenVersion, detail };
  }
  const body = { status: request.siteStatus, ...(hasReasonMeta(seen) ? { meta: { [REASON_META_KEY]: reasonText(request) } } : {}) };
  const written = await callRest<WordpressComment>(config, fetchFn, commentUrl, { method: "POST", body });
  if (!written.ok) return failure(written, "setting the status");
  return { outcome: "applied", siteVersion: wordpressSiteVersion(written.body) };
}
