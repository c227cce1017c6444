// Who may do what: one typed table, tested row by row (policy.test.ts).

export const ROLES = ["admin", "moderator"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  "queue:read": ["admin", "moderator"],
  "comment:decide": ["admin", "moderator"],
  "rules:read": ["admin", "moderator"],
  "rules:write": ["admin"],
  "audit:read-decisions": ["admin", "moderator"],
  "audit:read-all": ["admin"],
  /** The state of background jobs (the banner when the job worker is down). */
  "system:status": ["admin"],
  "imports:run": ["admin"],
  "exports:run": ["admin", "moderator"],
  "users:manage": ["admin"],
  "tokens:manage": ["admin"],
  "insights:moderators": ["admin"],
  "dsa:manage": ["admin"],
  "webhooks:manage": ["admin"],
  "connectors:manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
