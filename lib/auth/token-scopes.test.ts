import { describe, expect, it } from "vitest";
import { PERMISSIONS } from "./policy";
import { createApiTokenSchema } from "./token-schemas";
import { isTokenScope, missingScopeMessage, scopesBeyondRole, storedScopes, TOKEN_SCOPE_NAMES } from "./token-scopes";

describe("token scopes", () => {
  it("name only permissions that exist, and a moderator can give only what a moderator can do", () => {
    expect(TOKEN_SCOPE_NAMES).toEqual(["comments:ingest", "reports:ingest", "comments:read", "decisions:write", "exports:read"]);
    expect(scopesBeyondRole("admin", TOKEN_SCOPE_NAMES)).toEqual([]);
    expect(scopesBeyondRole("moderator", TOKEN_SCOPE_NAMES)).toEqual(["comments:ingest", "reports:ingest"]);
    expect(scopesBeyondRole("moderator", ["comments:read", "decisions:write", "exports:read"])).toEqual([]);
    expect(PERMISSIONS["imports:run"]).not.toContain("moderator");
  });

  it("read from storage keep the table's order and drop names this version does not know", () => {
    expect(storedScopes(["exports:read", "admin", "comments:ingest", "*"])).toEqual(["comments:ingest", "exports:read"]);
    expect(storedScopes([])).toEqual([]);
    expect(storedScopes(null)).toEqual([]);
    expect(isTokenScope("toString")).toBe(false);
    expect(isTokenScope("__proto__")).toBe(false);
  });

  it("name the missing scope in the refusal", () => {
    expect(missingScopeMessage("comments:ingest")).toContain("'comments:ingest'");
  });
});

describe("createApiTokenSchema", () => {
  it("needs at least one known scope, and dedupes them into the table's order", () => {
    expect(createApiTokenSchema.safeParse({ name: "CMS", scopes: [] }).success).toBe(false);
    expect(createApiTokenSchema.safeParse({ name: "CMS" }).success).toBe(false);
    const unknown = createApiTokenSchema.safeParse({ name: "CMS", scopes: ["comments:ingest", "users:manage"] });
    expect(unknown.success).toBe(false);
    expect(JSON.stringify(unknown.error?.issues)).toContain("'users:manage' is not a token scope");
    expect(createApiTokenSchema.parse({ name: " CMS ", scopes: ["exports:read", "comments:ingest", "exports:read"] })).toEqual({ name: "CMS", scopes: ["comments:ingest", "exports:read"] });
  });
});
