import { expect, test, type APIRequestContext } from "@playwright/test";
import { can, type Permission, type Role } from "../lib/auth/policy";
import { signIn, type Account } from "./support/fixtures";
import { builtRoutes } from "./support/route-manifest";

// Every page, route handler and server action of the production build, as anonymous, moderator
// and admin. A route or action the build serves but this table does not know fails the test:
// adding one means deciding, here, who may use it.

type Access = Permission | "public";
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];

/** Pages: the permission each one checks, and a concrete URL for dynamic segments. */
const PAGES: Record<string, { access: Access; url?: string }> = {
  "/": { access: "public" },
  "/sign-in": { access: "public" },
  "/queue": { access: "queue:read" },
  "/articles/[id]": { access: "queue:read", url: "/articles/1" },
  "/authors/[name]": { access: "queue:read", url: "/authors/MK" },
  "/comments/[id]": { access: "queue:read", url: "/comments/1" },
  "/insights": { access: "queue:read" },
  "/rules": { access: "rules:read" },
  "/rules/[id]/edit": { access: "rules:read", url: "/rules/1/edit" },
  "/rules/new": { access: "rules:write" },
  "/audit": { access: "audit:read-decisions" },
  "/imports": { access: "imports:run" },
  "/exports": { access: "exports:run" },
  "/users": { access: "users:manage" },
  "/tokens": { access: "tokens:manage" },
  "/account": { access: "queue:read" },
  "/articles/[id]/anonymous": { access: "queue:read", url: "/articles/1/anonymous" },
};

/** Route handlers: the permission of each method they export; any other method must be 405. */
const HANDLERS: Record<string, { url?: string; methods: Partial<Record<Method, Access>> }> = {
  "/api/v1/comments": { methods: { GET: "queue:read", POST: "imports:run" } },
  "/api/v1/comments/[commentId]/decisions": { url: "/api/v1/comments/1/decisions", methods: { POST: "comment:decide" } },
  "/api/v1/decisions": { methods: { GET: "exports:run" } },
  "/api/v1/imports": { methods: { POST: "imports:run" } },
  "/api/v1/queue/changes": { methods: { GET: "queue:read" } },
  "/api/v1/sessions": { methods: { POST: "public" } },
  "/icon.svg": { methods: { GET: "public" } },
};

/** Server actions, by file and export name. */
const ACTIONS: Record<string, Access> = {
  "lib/auth/actions.ts#signInAction": "public",
  "lib/auth/actions.ts#signOutAction": "queue:read",
  "lib/auth/actions.ts#createUserAction": "users:manage",
  "lib/auth/token-actions.ts#createApiTokenAction": "tokens:manage",
  "lib/auth/token-actions.ts#revokeApiTokenAction": "tokens:manage",
  "lib/moderation/actions.ts#decideCommentAction": "comment:decide",
  "lib/moderation/actions.ts#bulkDecideAction": "comment:decide",
  "lib/moderation/actions.ts#undoDecisionAction": "comment:decide",
  "lib/moderation/actions.ts#revertDecisionAction": "comment:decide",
  "lib/moderation/actions.ts#addCommentNoteAction": "comment:decide",
  "lib/moderation/actions.ts#addAuthorNoteAction": "comment:decide",
  "lib/moderation/actions.ts#watchAuthorAction": "comment:decide",
  "lib/moderation/actions.ts#hideAuthorPendingAction": "comment:decide",
  "lib/rules/actions.ts#createRuleAction": "rules:write",
  "lib/rules/actions.ts#updateRuleAction": "rules:write",
  "lib/rules/actions.ts#setRuleEnabledAction": "rules:write",
  "lib/rules/actions.ts#deleteRuleAction": "rules:write",
  "lib/rules/actions.ts#backtestRuleAction": "rules:write",
  "lib/rules/actions.ts#startRuleRerunAction": "rules:write",
  "lib/auth/account-actions.ts#setUserDisabledAction": "users:manage",
  "lib/auth/account-actions.ts#changeUserRoleAction": "users:manage",
  "lib/auth/account-actions.ts#resetUserPasswordAction": "users:manage",
  "lib/auth/account-actions.ts#changeOwnPasswordAction": "queue:read",
  "lib/settings/actions.ts#setDeskTimeZoneAction": "users:manage",
  "lib/settings/actions.ts#setOwnTimeZoneAction": "queue:read",
  "lib/moderation/bulk-run-actions.ts#countMatchingAction": "comment:decide",
  "lib/moderation/bulk-run-actions.ts#startBulkRunAction": "comment:decide",
  "lib/moderation/bulk-run-actions.ts#bulkRunStatusAction": "comment:decide",
  "lib/audit/audit-actions.ts#verifyAuditChainAction": "audit:read-all",
  "lib/export/export-actions.ts#latestExportAction": "exports:run",
};

const ROLES: (Role | "anonymous")[] = ["anonymous", "moderator", "admin"];
const mayUse = (role: Role | "anonymous", access: Access) => access === "public" || (role !== "anonymous" && can(role, access));

async function requestAs(role: Role | "anonymous", browser: import("@playwright/test").Browser): Promise<APIRequestContext> {
  const context = await browser.newContext();
  if (role !== "anonymous") await signIn(await context.newPage(), role satisfies Account);
  return context.request;
}


test("the table covers every page, route handler and server action the build serves", () => {
  const built = builtRoutes();
  expect(built.pages.filter((page) => !(page in PAGES)), "pages without an entry in PAGES").toEqual([]);
  expect(built.handlers.filter((handler) => !(handler in HANDLERS)), "route handlers without an entry in HANDLERS").toEqual([]);
  expect(built.actions.map((action) => action.key).filter((key) => !(key in ACTIONS)), "server actions without an entry in ACTIONS").toEqual([]);
});

for (const role of ROLES) {
  test(`as ${role}: every page, method and action answers as its permission says`, async ({ browser, baseURL }) => {
    test.setTimeout(120_000);
    const request = await requestAs(role, browser);
    const built = builtRoutes();

    for (const page of built.pages) {
      const { access, url } = PAGES[page] ?? { access: "users:manage" };
      const response = await request.get(url ?? page, { maxRedirects: 0 });
      const where = `${role} GET ${url ?? page}`;
      if (page === "/") expect(response.status(), where).toBe(307);
      else if (page === "/sign-in") expect(response.status(), where).toBe(role === "anonymous" ? 200 : 307);
      else if (role === "anonymous") {
        expect(response.status(), where).toBe(307);
        expect(response.headers().location, where).toContain("/sign-in?next=");
      } else expect(response.status(), where).toBe(mayUse(role, access) ? 200 : 403);
    }

    for (const handler of built.handlers) {
      const { url, methods } = HANDLERS[handler] ?? { methods: {} };
      for (const method of METHODS) {
        const access = methods[method];
        const response = await request.fetch(url ?? handler, { method, data: method === "GET" ? undefined : "{}", headers: { "content-type": "application/json" }, maxRedirects: 0 });
        const where = `${role} ${method} ${url ?? handler}`;
        if (!access) expect(response.status(), where).toBe(405);
        else if (access === "public") expect(response.status(), where).not.toBe(405);
        else if (role === "anonymous") expect(response.status(), where).toBe(401);
        else if (!mayUse(role, access)) expect(response.status(), where).toBe(403);
        else expect([401, 403, 405], where).not.toContain(response.status());
      }
    }

    for (const action of built.actions) {
      const access = ACTIONS[action.key] ?? "users:manage";
      // An input no schema accepts: an authorized call stops at validation and changes nothing.
      const response = await request.post(action.pagePath, {
        headers: { "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: baseURL ?? "" },
        data: JSON.stringify(["matrix-probe"]),
        maxRedirects: 0,
      });
      const body = await response.text();
      const expected = access === "public" ? "INVALID" : role === "anonymous" ? "UNAUTHORIZED" : mayUse(role, access) ? "INVALID" : "FORBIDDEN";
      expect(body, `${role} action ${action.key}`).toContain(`"code":"${expected}"`);
    }
  });
}

test("a server action posted from another origin is refused", async ({ request }) => {
  const action = builtRoutes().actions.find((candidate) => candidate.key === "lib/auth/actions.ts#signInAction");
  expect(action).toBeDefined();
  const response = await request.post("/sign-in", {
    headers: { "Next-Action": action?.id ?? "", "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: "https://evil.example" },
    data: JSON.stringify(["matrix-probe"]),
  });
  expect(response.status()).not.toBe(200);
  expect(await response.text()).not.toContain('"code":"INVALID"');
});
