import "server-only";
import { z } from "zod";
import { principalFromBearer } from "@/lib/auth/api-token";
import { can, type Permission, type Role } from "@/lib/auth/policy";
import { missingScopeMessage, TOKEN_SCOPES, type TokenScope } from "@/lib/auth/token-scopes";
import { getCurrentUser } from "@/lib/auth/session";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import { isDatabaseReachable } from "@/lib/db/health";
import { env } from "@/lib/env";
import { HTTP_STATUS, isAppError } from "@/lib/errors";
import { checkContentType, checkCookieRead, checkSameOrigin, checkSignInRequest, isStateChanging } from "@/lib/http/request-guards";
import { readJsonBody } from "@/lib/import/read-json-body";
import { unstorableText } from "@/lib/validation/nul-text";
import { unavailableResponse } from "@/lib/security/unavailable-response";

// The one wrapper every API route handler goes through: database up, authenticate (session cookie
// or bearer token), for a cookie that changes state: same origin and a JSON body, for a cookie's
// GET: not started by another site (CSRF, see docs/security-http.md), authorize, parse, run one
// domain call, answer JSON (or the Response the call built). proxy.ts does not run for /api/:
// these checks are all here.

export interface ApiPrincipal {
  actor: AuditActor & { id: string };
  role: Role;
  via: "session" | "token";
  /** A token's scopes; a session has none (its role alone decides). */
  scopes: readonly TokenScope[] | null;
}

interface RouteDefinition<Schema extends z.ZodType, T> {
  name: string;
  permission: Permission;
  /** The scope a bearer token needs for this route (lib/auth/token-scopes.ts), on top of the permission. */
  scope: TokenScope;
  /** Parsed from the query string for GET, from the JSON body otherwise (unless parseFrom says "query"). */
  input: Schema;
  parseFrom?: "query" | "body";
  /** Media types a cookie-authenticated state change may send (default application/json). */
  bodyTypes?: readonly string[];
  run: (input: z.infer<Schema>, context: { principal: ApiPrincipal; request: Request }) => Promise<T | Response>;
}

/** Next passes dynamic segments ([id]) as a promise of params; they are merged into the input. */
type RouteContext = { params?: Promise<Record<string, string | string[]>> };

/** name → permission of every route handler defined: the authorization matrix test walks this. */
export const routeRegistry = new Map<string, Permission | "public">();
/** name → the token scope of every route handler defined (docs/security-auth.md lists them). */
export const routeScopeRegistry = new Map<string, TokenScope>();

export function problem(status: number, code: string, message: string, extra?: Record<string, unknown>): Response {
  return Response.json({ error: { code, message, ...extra } }, { status });
}

async function principalOf(request: Request): Promise<ApiPrincipal | null> {
  const token = await principalFromBearer(request.headers.get("authorization"));
  if (token) return { actor: { id: token.userId, label: `${token.email} (token ${token.tokenName})` }, role: token.role, via: "token", scopes: token.scopes };
  const user = await getCurrentUser();
  return user ? { actor: { id: user.id, label: user.email }, role: user.role, via: "session", scopes: null } : null;
}

/** A body readJsonBody refused: its status and message are the answer. */
class BodyRefusal {
  constructor(readonly status: 400 | 413, readonly code: string, readonly message: string) {}
}

/** A JSON body past this is refused (413) as it streams in, before any of it is parsed (the ingest route reads its own, as large). */
export const JSON_BODY_MAX_BYTES = 10 * 1024 * 1024;
/** Signing in takes a few hundred bytes: an anonymous caller may not make the server hold more. */
export const PUBLIC_JSON_BODY_MAX_BYTES = 64 * 1024;

async function readInput(request: Request, parseFrom: "query" | "body" | undefined, maxBytes: number): Promise<unknown> {
  if (parseFrom === "query" || request.method === "GET" || request.method === "HEAD") return Object.fromEntries(new URL(request.url).searchParams);
  // Not request.json(): it holds the whole body in memory, however large, before it fails or parses.
  const body = await readJsonBody(request, maxBytes);
  if (body.ok) return body.value;
  if (body.reason === "bytes") return new BodyRefusal(413, "TOO_LARGE", `The request body is larger than ${maxBytes / 1024} KB; nothing of it was used.`);
  if (body.reason === "syntax") return new BodyRefusal(400, "INVALID", "The request body is not valid JSON.");
  return new BodyRefusal(body.status, body.code, body.message);
}

/** PostgreSQL cannot store U+0000 or half a surrogate pair: such input is the client's mistake (400), not a database error (500). */
function nulTextProblem(input: unknown): Response | null {
  const found = unstorableText(input);
  return found === null ? null : problem(400, "INVALID", found.message, { issues: [{ path: found.path, message: found.message }] });
}

/** The answer for a body readInput refused, or null when it read one. */
function bodyProblem(raw: unknown): Response | null {
  return raw instanceof BodyRefusal ? problem(raw.status, raw.code, raw.message) : null;
}

function schemaProblem(error: z.ZodError): Response {
  return problem(400, "INVALID", "The request does not match the schema.", { issues: error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })) });
}

/**
 * Every answer of a route handler is personal (readers' comments, the queue, exports, a sign-in's
 * cookie): Next adds no Cache-Control to a route handler's answer, so a browser kept the JSON of
 * /api/v1/comments in its disk cache after sign-out, and a shared proxy may store an answer to a
 * cookie request. An answer that sets its own Cache-Control keeps it.
 */
export function uncacheable(response: Response): Response {
  if (response.headers.has("cache-control")) return response;
  try {
    response.headers.set("cache-control", "no-store");
    return response;
  } catch {
    // Headers of a fetched Response are immutable: answer with a copy.
    const copy = new Response(response.body, response);
    copy.headers.set("cache-control", "no-store");
    return copy;
  }
}

function failure(name: string, error: unknown): Response {
  if (isAppError(error)) return problem(HTTP_STATUS[error.code], error.code, error.message, error.fields);
  console.error(`[route ${name}]`, error);
  return problem(500, "INTERNAL", "Something went wrong on our side.");
}

/**
 * A cookie may change state only from this app's own pages, with a body type a form cannot send;
 * a cookie's GET (an export is audited) only from this app's pages or the user's own address bar.
 */
function csrfRefusal(request: Request, bodyTypes: readonly string[]): Response | null {
  if (!isStateChanging(request.method)) {
    const verdict = checkCookieRead(request.headers, env().MODDESK_URL);
    return verdict.ok ? null : problem(verdict.status, verdict.code, verdict.message);
  }
  for (const verdict of [checkSameOrigin(request.headers, env().MODDESK_URL), checkContentType(request.headers, bodyTypes)]) {
    if (!verdict.ok) return problem(verdict.status, verdict.code, verdict.message);
  }
  return null;
}

export function defineRoute<Schema extends z.ZodType, T>(definition: RouteDefinition<Schema, T>) {
  // A scope stands for one permission (the tokens page promises it): a route may not pair them otherwise.
  if (TOKEN_SCOPES[definition.scope].permission !== definition.permission) {
    throw new Error(`${definition.name}: the scope ${definition.scope} stands for ${TOKEN_SCOPES[definition.scope].permission}, not ${definition.permission}`);
  }
  routeRegistry.set(definition.name, definition.permission);
  routeScopeRegistry.set(definition.name, definition.scope);
  const handle = async (request: Request, context?: RouteContext): Promise<Response> => {
    try {
      if (!(await isDatabaseReachable())) return unavailableResponse(new URL(request.url).pathname);
      const principal = await principalOf(request);
      if (!principal) return problem(401, "UNAUTHORIZED", "Sign in, or send an API token as 'Authorization: Bearer <token>'.");
      if (principal.via === "session") {
        const refusal = csrfRefusal(request, definition.bodyTypes ?? ["application/json"]);
        if (refusal) return refusal;
      }
      if (principal.scopes && !principal.scopes.includes(definition.scope)) return problem(403, "FORBIDDEN", missingScopeMessage(definition.scope), { missingScope: definition.scope });
      if (!can(principal.role, definition.permission)) return problem(403, "FORBIDDEN", "This token's or account's role does not allow this.");
      const raw = await readInput(request, definition.parseFrom, JSON_BODY_MAX_BYTES);
      const refused = bodyProblem(raw);
      if (refused) return refused;
      const params = context?.params ? await context.params : {};
      const input = typeof raw === "object" && raw !== null && !Array.isArray(raw) ? { ...raw, ...params } : raw;
      const nulProblem = nulTextProblem(input);
      if (nulProblem) return nulProblem;
      const parsed = definition.input.safeParse(input);
      if (!parsed.success) return schemaProblem(parsed.error);
      const result = await definition.run(parsed.data, { principal, request });
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      return failure(definition.name, error);
    }
  };
  return async (request: Request, context?: RouteContext): Promise<Response> => uncacheable(await handle(request, context));
}

/** The one public route kind: signing in. Same parsing and error handling, no principal; a POST from a browser must come from this app (login CSRF). */
export function definePublicRoute<Schema extends z.ZodType, T>(definition: { name: string; input: Schema; run: (input: z.infer<Schema>, context: { request: Request }) => Promise<T | Response> }) {
  routeRegistry.set(definition.name, "public");
  const handle = async (request: Request): Promise<Response> => {
    try {
      if (!(await isDatabaseReachable())) return unavailableResponse(new URL(request.url).pathname);
      if (isStateChanging(request.method)) {
        const verdict = checkSignInRequest(request.headers, env().MODDESK_URL);
        if (!verdict.ok) return problem(verdict.status, verdict.code, verdict.message);
      }
      const raw = await readInput(request, "body", PUBLIC_JSON_BODY_MAX_BYTES);
      const refused = bodyProblem(raw) ?? nulTextProblem(raw);
      if (refused) return refused;
      const parsed = definition.input.safeParse(raw);
      if (!parsed.success) return schemaProblem(parsed.error);
      const result = await definition.run(parsed.data, { request });
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      return failure(definition.name, error);
    }
  };
  return async (request: Request): Promise<Response> => uncacheable(await handle(request));
}
