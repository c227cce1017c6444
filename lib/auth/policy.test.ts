import { describe, expect, it } from "vitest";
import { can, isRole, PERMISSIONS, type Permission } from "./policy";

const expected: Record<Permission, { admin: boolean; moderator: boolean }> = {
  "queue:read": { admin: true, moderator: true },
  "comment:decide": { admin: true, moderator: true },
  "rules:read": { admin: true, moderator: true },
  "rules:write": { admin: true, moderator: false },
  "audit:read-decisions": { admin: true, moderator: true },
  "audit:read-all": { admin: true, moderator: false },
  "system:status": { admin: true, moderator: false },
  "imports:run": { admin: true, moderator: false },
  "exports:run": { admin: true, moderator: true },
  "users:manage": { admin: true, moderator: false },
  "tokens:manage": { admin: true, moderator: false },
  "insights:moderators": { admin: true, moderator: false },
  "dsa:manage": { admin: true, moderator: false },
  "webhooks:manage": { admin: true, moderator: false },
  "connectors:manage": { admin: true, moderator: false },
};

describe("permission table", () => {
  it("lists exactly the permissions this test knows", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [permission, roles] of Object.entries(expected) as [Permission, { admin: boolean; moderator: boolean }][]) {
    it(`${permission}: admin ${roles.admin ? "may" : "may not"}, moderator ${roles.moderator ? "may" : "may not"}`, () => {
      expect(can("admin", permission)).toBe(roles.admin);
      expect(can("moderator", permission)).toBe(roles.moderator);
    });
  }

  it("recognises only the two roles", () => {
    expect(isRole("admin")).toBe(true);
    expect(isRole("moderator")).toBe(true);
    expect(isRole("owner")).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
