import { can, type Permission, type Role } from "./policy";

// What an API token may do, chosen when it is made (least privilege): an ingest integration's token
// sends comments in and can read, decide or export nothing. Each /api/v1 route names the one scope
// it needs (lib/route.ts); a token also never does more than its creator's current role allows.
// Pure: the tokens page, the CLI and the route wrapper share it.

export const TOKEN_SCOPES = {
  "comments:ingest": {
    permission: "imports:run",
    label: "Send comments in",
    routes: "POST /api/v1/comments, POST /api/v1/imports, GET /api/v1/imports/{id}/problems",
  },
  "reports:ingest": {
    permission: "imports:run",
    label: "Send readers' reports in",
    routes: "POST /api/v1/comments/{id}/reports, POST /api/v1/sources/{source}/comments/{externalId}/reports",
  },
  "comments:read": {
    permission: "queue:read",
    label: "Read comments and the queue",
    routes: "GET /api/v1/comments, GET /api/v1/queue/changes, GET /api/v1/comments/{id}/statement-of-reasons",
  },
  "decisions:write": {
    permission: "comment:decide",
    label: "Approve and hide comments",
    routes: "POST /api/v1/comments/{id}/decisions",
  },
  "exports:read": {
    permission: "exports:run",
    label: "Export decisions and DSA statements",
    routes: "GET /api/v1/decisions, GET /api/v1/dsa/statements",
  },
} as const satisfies Record<string, { permission: Permission; label: string; routes: string }>;

export type TokenScope = keyof typeof TOKEN_SCOPES;
export const TOKEN_SCOPE_NAMES = Object.keys(TOKEN_SCOPES) as [TokenScope, ...TokenScope[]];

export function isTokenScope(value: unknown): value is TokenScope {
  return typeof value === "string" && Object.hasOwn(TOKEN_SCOPES, value);
}

/**
 * The scopes a stored token holds, in the table's order; a name this version does not know grants
 * nothing, and neither does NULL (the column is nullable in PostgreSQL: a row written by hand).
 */
export function storedScopes(values: readonly string[] | null): TokenScope[] {
  return values ? TOKEN_SCOPE_NAMES.filter((scope) => values.includes(scope)) : [];
}

/** The scopes of `requested` that `role` could not use itself: a token may not be given them. */
export function scopesBeyondRole(role: Role, requested: readonly TokenScope[]): TokenScope[] {
  return requested.filter((scope) => !can(role, TOKEN_SCOPES[scope].permission));
}

/** The 403 message of a token call without the route's scope. */
export function missingScopeMessage(scope: TokenScope): string {
  return `This token lacks the scope '${scope}' (${TOKEN_SCOPES[scope].label.toLowerCase()}). Create a token with that scope under API tokens; a token's scopes cannot be widened.`;
}
