import type { z } from "zod";
import type { ConnectorFetch } from "../connector";
import { errorResponseSchema } from "./api-shapes";
import { DISQUS_API_BASE, type DisqusConfig } from "./config";

// One request to Disqus API 3.0 and what its answer means. URLs are
// https://disqus.com/api/3.0/<resource>.json; reads are GET with query parameters, writes are POST
// with a form-encoded body; server-side calls send api_secret, OAuth calls access_token with the
// application's api_key (https://disqus.com/api/docs/requests/, https://disqus.com/api/docs/auth/).
// "Allows multiple" parameters repeat (related=thread&include=approved&include=spam).

export type DisqusParams = Array<[string, string]>;

/** Why a request did not give an answer to use; `retryable` says whether trying again later can help. */
export class DisqusApiError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly detail: { status?: number; code?: number; retryAfter?: string } = {},
  ) {
    super(message);
    this.name = "DisqusApiError";
  }
}

/**
 * Disqus error codes (https://disqus.com/api/docs/errors/; the list as Disqus documents it, not in
 * the stored pages this was checked against, so unknown codes fail rather than retry):
 * 13 and 14 are rate limits (per resource, per account), 15 an internal error, 16 a timeout: worth
 * retrying. 2 (missing or invalid argument), 4 (no authenticated user), 5 (invalid API key), 8
 * (object not found), 9, 11, 12, 17 (key or user not allowed) and the rest will not get better.
 */
const RETRYABLE_CODES = new Set([13, 14, 15, 16]);
const CODE_MEANING: Record<number, string> = {
  1: "endpoint not valid",
  2: "missing or invalid argument",
  4: "an authenticated user is required (check the access token)",
  5: "invalid API key",
  8: "the object was not found",
  9: "this key may not use this resource",
  11: "the API key is not valid on this domain",
  12: "the application lacks the privileges for this resource",
  13: "rate limit for this resource exceeded",
  14: "rate limit for the account exceeded",
  15: "internal error at Disqus",
  16: "request timed out at Disqus",
  17: "the authenticated user may not use this feature (is it a moderator of the forum?)",
};

export function authParams(config: DisqusConfig): DisqusParams {
  return [
    ["api_key", config.apiKey],
    ["api_secret", config.apiSecret],
    ["access_token", config.accessToken],
  ];
}

export function endpointUrl(resource: string): string {
  return `${DISQUS_API_BASE}/${resource}.json`;
}

function describeCode(code: number, message: unknown): string {
  const said = typeof message === "string" && message !== "" ? `: ${message}` : "";
  return `Disqus error ${code} (${CODE_MEANING[code] ?? "see https://disqus.com/api/docs/errors/"})${said}`;
}

/** Turns an HTTP answer into the parsed body, or a DisqusApiError saying whether to retry. */
export async function readAnswer<Schema extends z.ZodType>(resource: string, response: Response, schema: Schema): Promise<z.infer<Schema>> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const failure = errorResponseSchema.safeParse(body);
  // A rate-limited or unavailable answer may say when to come back (push-retry.ts honours it).
  const retryAfter = response.ok ? null : response.headers.get("retry-after");
  const when = retryAfter ? { retryAfter } : {};
  if (failure.success && failure.data.code !== 0) {
    const code = failure.data.code;
    throw new DisqusApiError(`${resource}: ${describeCode(code, failure.data.response)}`, RETRYABLE_CODES.has(code) || response.status === 429 || response.status >= 500, { status: response.status, code, ...when });
  }
  if (response.status === 429 || response.status >= 500) throw new DisqusApiError(`${resource}: HTTP ${response.status} from Disqus`, true, { status: response.status, ...when });
  if (!response.ok) throw new DisqusApiError(`${resource}: HTTP ${response.status} from Disqus`, false, { status: response.status });
  if (body === undefined) throw new DisqusApiError(`${resource}: the answer is not JSON (${text.slice(0, 80)})`, true, { status: response.status });
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DisqusApiError(`${resource}: unexpected answer (${issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "shape"})`, false, { status: response.status });
  }
  return parsed.data;
}

async function send(resource: string, url: string, init: RequestInit, fetchFn: ConnectorFetch): Promise<Response> {
  try {
    return await fetchFn(url, init);
  } catch (error) {
    // Network errors and our own timeout: the site may be back later.
    throw new DisqusApiError(`${resource}: ${error instanceof Error ? error.message : String(error)}`, true);
  }
}

export async function disqusGet<Schema extends z.ZodType>(config: DisqusConfig, resource: string, params: DisqusParams, schema: Schema, fetchFn: ConnectorFetch): Promise<z.infer<Schema>> {
  const query = new URLSearchParams([...params, ...authParams(config)]);
  const response = await send(resource, `${endpointUrl(resource)}?${query}`, { method: "GET", headers: { accept: "application/json" }, signal: AbortSignal.timeout(config.timeoutMs) }, fetchFn);
  return readAnswer(resource, response, schema);
}

export async function disqusPost<Schema extends z.ZodType>(config: DisqusConfig, resource: string, params: DisqusParams, schema: Schema, fetchFn: ConnectorFetch): Promise<z.infer<Schema>> {
  const body = new URLSearchParams([...params, ...authParams(config)]).toString();
  const init: RequestInit = {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
    body,
    signal: AbortSignal.timeout(config.timeoutMs),
  };
  return readAnswer(resource, await send(resource, endpointUrl(resource), init, fetchFn), schema);
}
