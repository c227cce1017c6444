import { createHash } from "node:crypto";
import { redactUrl } from "@/lib/security/redact-url";
import type { ConnectorFetch } from "../connector";
import type { WordpressConfig } from "./config";

// The few WordPress REST calls the connector makes, each with Basic auth (an Application
// Password), a timeout, and no redirects followed (a 3xx is a failure naming where it pointed).

/** A comment as /wp/v2/comments answers with context=edit (only the fields Moddesk reads). */
export interface WordpressComment {
  id: number;
  post: number;
  parent: number;
  author: number;
  author_name: string;
  date_gmt: string;
  content: { raw?: string; rendered?: string };
  status: string;
  type?: string;
  /** An object of registered meta keys; an empty array when the site registers none. */
  meta?: Record<string, unknown> | unknown[];
}

export interface WordpressPost {
  id: number;
  link: string;
  date_gmt: string;
  title: { raw?: string; rendered?: string };
}

export type RestAnswer<T> = { ok: true; status: number; body: T; headers: Headers } | { ok: false; status: number | null; retryable: boolean; detail: string; retryAfter?: string };

export function restUrl(config: Pick<WordpressConfig, "siteUrl">, route: string, query: Record<string, string | number> = {}): string {
  const url = new URL(`${config.siteUrl}/wp-json${route}`);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, String(value));
  return url.toString();
}

export async function callRest<T>(config: WordpressConfig, fetchFn: ConnectorFetch, url: string, init: { method?: string; body?: unknown } = {}): Promise<RestAnswer<T>> {
  const credentials = Buffer.from(`${config.username}:${config.applicationPassword}`).toString("base64");
  let response: Response;
  try {
    response = await fetchFn(url, {
      method: init.method ?? "GET",
      redirect: "manual",
      signal: AbortSignal.timeout(config.timeoutMs),
      headers: { authorization: `Basic ${credentials}`, accept: "application/json", "user-agent": "Moddesk-WordPress/1", ...(init.body === undefined ? {} : { "content-type": "application/json" }) },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  } catch (error) {
    const name = (error as { name?: string }).name;
    const detail = name === "TimeoutError" || name === "AbortError" ? `no answer within ${config.timeoutMs} ms` : `could not reach the site: ${(error as Error).message}`;
    return { ok: false, status: null, retryable: true, detail };
  }
  const text = await response.text().catch(() => "");
  if (response.status >= 300 && response.status < 400) return { ok: false, status: response.status, retryable: false, detail: `the site redirected to ${redactUrl(response.headers.get("location") ?? "nowhere")}; enter the address it redirects to` };
  if (!response.ok) {
    // A 429 or 503 may say when to come back (push-retry.ts honours it).
    const retryAfter = response.headers.get("retry-after");
    return { ok: false, status: response.status, retryable: response.status === 429 || response.status >= 500, detail: describeFailure(response.status, text), ...(retryAfter ? { retryAfter } : {}) };
  }
  try {
    return { ok: true, status: response.status, body: JSON.parse(text) as T, headers: response.headers };
  } catch {
    return { ok: false, status: response.status, retryable: false, detail: `the site's answer is not JSON (is ${redactUrl(config.siteUrl)}/wp-json the WordPress REST API? pretty permalinks must be on): ${text.slice(0, 120)}` };
  }
}

/** WordPress's login errors carry HTML (`<strong>Error:</strong> Unknown username.`); the page shows text. */
function plainText(message: string): string {
  return message.replace(/<[^>]*>/g, "").replace(/\s+/g, " ").trim();
}

// What to check, by the error WordPress gave. A 401 without a login error means WordPress handled the
// request as anonymous (rest_authorization_required_code()): the credentials never reached it, or,
// as a real WordPress 6.1 answers a wrong application password, they were refused without saying so.
const CREDENTIALS_REFUSED = new Set(["incorrect_password", "invalid_username", "invalid_email"]);
const APPLICATION_PASSWORDS_OFF = new Set(["application_passwords_disabled", "application_passwords_disabled_for_user"]);

function hintFor(status: number, code: string): string {
  if (status === 401 && CREDENTIALS_REFUSED.has(code)) return " (WordPress refused the user name or the password: use the application password from the user's profile, Users → Profile → Application Passwords, not the login password)";
  if (status === 401 && APPLICATION_PASSWORDS_OFF.has(code)) return " (WordPress offers application passwords only on a site served over https or whose WP_ENVIRONMENT_TYPE is local, and a plugin or the site's settings may turn them off)";
  if (status === 401) return " (WordPress treated the request as anonymous: check the user name and the application password, which WordPress 6.1 also answers this way when wrong, and that the site is served over https or has WP_ENVIRONMENT_TYPE local, without which WordPress ignores application passwords; if all that is right, the web server is dropping the Authorization header before WordPress sees it, e.g. Apache running PHP as FastCGI or CGI, which Tools → Site Health reports as 'The authorization header is missing')";
  if (status === 403) return " (the user needs the moderate_comments capability, e.g. the Editor role)";
  return "";
}

function describeFailure(status: number, text: string): string {
  let code = "";
  let message = "";
  try {
    const parsed = JSON.parse(text) as { code?: string; message?: string };
    code = parsed.code ?? "";
    message = plainText(parsed.message ?? "");
  } catch {
    message = text.slice(0, 200);
  }
  return `HTTP ${status}${code ? ` ${code}` : ""}${message ? `: ${message}` : ""}${hintFor(status, code)}`;
}

/**
 * The comment's version as the site has it. WordPress keeps no modified time for comments, so the
 * version is its status and a fingerprint of its text: a moderation or an edit on the site changes it.
 */
export function wordpressSiteVersion(comment: Pick<WordpressComment, "status" | "content">): string {
  const text = comment.content.raw ?? comment.content.rendered ?? "";
  return `${comment.status}:${createHash("sha256").update(text).digest("hex").slice(0, 16)}`;
}
