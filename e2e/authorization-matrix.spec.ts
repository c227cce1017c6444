import { randomBytes } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { can, type Permission, type Role } from "../lib/auth/policy";
import { signIn, type Account } from "./support/fixtures";
import { builtRoutes } from "./support/route-manifest";
import { expect, test } from "./support/test";

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
  "/dsa": { access: "exports:run" },
  "/webhooks": { access: "webhooks:manage" },
  "/connectors": { access: "connectors:manage" },
  "/users": { access: "users:manage" },
  "/tokens": { access: "tokens:manage" },
  "/account": { access: "queue:read" },
  "/articles/[id]/anonymous": { access: "queue:read", url: "/articles/1/anonymous" },
};

/** A request body a real caller would send: an authorized call runs the whole path, not only validation. */
type Body = { data: string | Buffer; contentType: string; url?: string };
const stamp = randomBytes(4).toString("hex");

/**
 * Route handlers: the permission of each method they export (any other method must be 405), the
 * status an authorized call with the real body answers, and that body. A decision with a stale
 * version (409) runs the guarded transition without changing comment 1 for the other specs.
 */
const HANDLERS: Record<string, { url?: string; methods: Partial<Record<Method, Access>>; allowed?: Partial<Record<Method, number>>; bodies?: Partial<Record<Method, Body>> }> = {
  "/api/v1/comments": {
    url: "/api/v1/comments?limit=5",
    methods: { GET: "queue:read", POST: "imports:run" },
    allowed: { GET: 200, POST: 200 },
    bodies: {
      POST: {
        url: "/api/v1/comments",
        contentType: "application/json",
        data: JSON.stringify({ id: `matrix-${stamp}`, title: `Matrix ${stamp}`, comments: [{ id: `matrix-${stamp}-1`, author: "matrix", body: "A plain reader comment.", postedAt: "2015-07-24T10:30:00Z" }] }),
      },
    },
  },
  "/api/v1/comments/[commentId]/decisions": {
    url: "/api/v1/comments/1/decisions",
    methods: { POST: "comment:decide" },
    allowed: { POST: 409 },
    bodies: { POST: { contentType: "application/json", data: JSON.stringify({ action: "APPROVE", expectedVersion: 999_999, expectedStatus: "PENDING" }) } },
  },
  // A comment that does not exist: the whole path runs (auth, parse, lookup) and changes nothing.
  "/api/v1/comments/[commentId]/reports": {
    url: "/api/v1/comments/2000000000/reports",
    methods: { POST: "imports:run" },
    allowed: { POST: 404 },
    bodies: { POST: { contentType: "application/json", data: JSON.stringify({ reports: [{ reason: "spam" }] }) } },
  },
  "/api/v1/sources/[source]/comments/[externalId]/reports": {
    url: `/api/v1/sources/matrix/comments/missing-${stamp}/reports`,
    methods: { POST: "imports:run" },
    allowed: { POST: 404 },
    bodies: { POST: { contentType: "application/json", data: JSON.stringify({ reports: [{ reason: "spam" }] }) } },
  },
  "/api/v1/decisions": { url: "/api/v1/decisions?format=csv", methods: { GET: "exports:run" }, allowed: { GET: 200 } },
  "/api/v1/dsa/statements": { url: "/api/v1/dsa/statements?format=jsonl", methods: { GET: "exports:run" }, allowed: { GET: 200 } },
  // Comment 1 is not hidden (the decision above is refused as stale): no statement, a 404.
  "/api/v1/comments/[commentId]/statement-of-reasons": { url: "/api/v1/comments/1/statement-of-reasons", methods: { GET: "queue:read" }, allowed: { GET: 404 } },
  "/api/v1/imports": {
    url: `/api/v1/imports?fileName=matrix-${stamp}.csv`,
    methods: { POST: "imports:run" },
    allowed: { POST: 200 },
    bodies: { POST: { contentType: "application/octet-stream", data: Buffer.from(`article_title,comment_id,body,posted_at\nMatrix ${stamp},m-${stamp},Hello there,2015-07-23T10:00:00Z\n`) } },
  },
  // Import 999999 does not exist: a 404 once past authorization.
  "/api/v1/imports/[batchId]/problems": { url: "/api/v1/imports/999999/problems", methods: { GET: "imports:run" }, allowed: { GET: 404 } },
  "/api/v1/queue/changes": { url: `/api/v1/queue/changes?since=${encodeURIComponent(new Date().toISOString())}`, methods: { GET: "queue:read" }, allowed: { GET: 200 } },
  // A wrong password for an address no account has (a real account would be locked by the runs).
  "/api/v1/sessions": {
    methods: { POST: "public" },
    allowed: { POST: 401 },
    bodies: { POST: { contentType: "application/json", data: JSON.stringify({ email: `nobody-${stamp}@e2e.test`, password: "not-the-password-1" }) } },
  },
  // Single sign-on's callback (a 404 when SSO is off, as on this server; e2e/sso.spec.ts covers it on).
  "/api/auth/[...all]": { url: "/api/auth/callback/oidc", methods: { GET: "public" }, allowed: { GET: 404 } },
  "/icon.svg": { methods: { GET: "public" }, allowed: { GET: 200 } },
  // The health probe: the same answer for everyone (the job worker runs on this server).
  "/api/health": { methods: { GET: "public" }, allowed: { GET: 200 } },
};

/** Server actions, by file and export name. */
const ACTIONS: Record<string, Access> = {
  "lib/auth/actions.ts#signInAction": "public",
  "lib/auth/actions.ts#startSsoSignInAction": "public",
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
  "lib/moderation/actions.ts#commentContextAction": "queue:read",
  "lib/moderation/actions.ts#suggestAuthorNamesAction": "queue:read",
  "lib/dsa/actions.ts#updateDsaSettingsAction": "dsa:manage",
  "lib/webhooks/actions.ts#createWebhookEndpointAction": "webhooks:manage",
  "lib/webhooks/actions.ts#rotateWebhookSecretAction": "webhooks:manage",
  "lib/webhooks/actions.ts#setWebhookEndpointEnabledAction": "webhooks:manage",
  "lib/connectors/actions.ts#saveConnectorSettingsAction": "connectors:manage",
  "lib/connectors/actions.ts#syncConnectorAction": "connectors:manage",
  "lib/connectors/actions.ts#resolveConnectorPushAction": "connectors:manage",
  "lib/webhooks/actions.ts#resendWebhookDeliveryAction": "webhooks:manage",
  "lib/webhooks/actions.ts#resendDeadWebhookDeliveriesAction": "webhooks:manage",
  "lib/webhooks/actions.ts#sendWebhookTestEventAction": "webhooks:manage",
  "lib/rules/actions.ts#createRuleAction": "rules:write",
  "lib/rules/actions.ts#testRuleDraftAction": "rules:read",
  "lib/rules/actions.ts#updateRuleAction": "rules:write",
  "lib/rules/actions.ts#setRuleEnabledAction": "rules:write",
  "lib/rules/actions.ts#deleteRuleAction": "rules:write",
  "lib/rules/actions.ts#backtestRuleAction": "rules:write",
  "lib/rules/actions.ts#testExternalEndpointAction": "rules:write",
  "lib/rules/actions.ts#rotateExternalRuleSecretAction": "rules:write",
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
  "lib/moderation/bulk-run-actions.ts#undoBulkRunAction": "comment:decide",
  "lib/audit/audit-actions.ts#verifyAuditChainAction": "audit:read-all",
  "lib/export/export-actions.ts#latestExportAction": "exports:run",
};

const ROLES: (Role | "anonymous")[] = ["anonymous", "moderator", "admin"];
const mayUse = (role: Role | "anonymous", access: Access) => access === "public" || (role !== "anonymous" && can(role, access));

async function requestAs(role: Role | "anonymous", page: Page): Promise<APIRequestContext> {
  if (role !== "anonymous") await signIn(page, role satisfies Account);
  return page.context().request;
}


test("the table covers every page, route handler and server action the build serves", () => {
  const built = builtRoutes();
  expect(built.pages.filter((page) => !(page in PAGES)), "pages without an entry in PAGES").toEqual([]);
  expect(built.handlers.filter((handler) => !(handler in HANDLERS)), "route handlers without an entry in HANDLERS").toEqual([]);
  expect(built.actions.map((action) => action.key).filter((key) => !(key in ACTIONS)), "server actions without an entry in ACTIONS").toEqual([]);
});

for (const role of ROLES) {
  test(`as ${role}: every page, method and action answers as its permission says`, async ({ openPage, baseURL }) => {
    test.setTimeout(120_000);
    const request = await requestAs(role, await openPage());
    const built = builtRoutes();

    for (const page of built.pages) {
      const { access, url } = PAGES[page] ?? { access: "users:manage" };
      const response = await request.get(url ?? page, { maxRedirects: 0 });
      const where = `${role} GET ${url ?? page}`;
      expect(response.status(), where).toBeLessThan(500);
      if (page === "/") expect(response.status(), where).toBe(307);
      else if (page === "/sign-in") expect(response.status(), where).toBe(role === "anonymous" ? 200 : 307);
      else if (role === "anonymous") {
        expect(response.status(), where).toBe(307);
        expect(response.headers().location, where).toContain("/sign-in?next=");
      } else expect(response.status(), where).toBe(mayUse(role, access) ? 200 : 403);
    }

    for (const handler of built.handlers) {
      const { url, methods, allowed = {}, bodies = {} } = HANDLERS[handler] ?? { methods: {} };
      for (const method of METHODS) {
        const access = methods[method];
        const body = bodies[method];
        const target = body?.url ?? url ?? handler;
        // As the app's own pages send it: same Origin, the route's content type (lib/route.ts refuses anything else from a cookie).
        const response = await request.fetch(target, {
          method,
          data: method === "GET" ? undefined : (body?.data ?? "{}"),
          headers: { "content-type": body?.contentType ?? "application/json", origin: baseURL ?? "" },
          maxRedirects: 0,
        });
        const where = `${role} ${method} ${target}`;
        // A crash is never an answer, whoever asks (a 500 once counted as "not 401/403/405").
        expect(response.status(), `${where}: ${response.status() >= 500 ? await response.text() : ""}`).toBeLessThan(500);
        if (!access) expect(response.status(), where).toBe(405);
        else if (access === "public") expect(response.status(), where).toBe(allowed[method]);
        else if (role === "anonymous") expect(response.status(), where).toBe(401);
        else if (!mayUse(role, access)) expect(response.status(), where).toBe(403);
        else {
          expect(response.status(), where).toBe(allowed[method]);
          if (method === "POST" && handler === "/api/v1/imports") expect(await response.text(), where).toContain('"type":"done"');
        }
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

test("a server action posted from another origin, or with Origin null, is refused with 403 (not Next's own 500)", async ({ request }) => {
  const action = builtRoutes().actions.find((candidate) => candidate.key === "lib/auth/actions.ts#signInAction");
  expect(action).toBeDefined();
  // Not only at pages: Next takes the action header on any path, and outside the proxy's paths
  // (/api/…, /favicon.ico, /_next/static/…) its own refusal was a 500 (eighth review).
  for (const path of ["/sign-in", "/api/v1/comments", "/api/no-such-route", "/favicon.ico", "/_next/static/no-such-file.js"]) {
    for (const origin of ["https://evil.example", "null"]) {
      const response = await request.post(path, {
        headers: { "Next-Action": action?.id ?? "", "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: origin },
        data: JSON.stringify(["matrix-probe"]),
      });
      expect(response.status(), `${path} from ${origin}`).toBe(403);
      expect(await response.text()).not.toContain('"code":"INVALID"');
    }
  }
});

test("a server action past Next's 2 MB body limit is a 413 in words (Next answered 500)", async ({ request, baseURL }) => {
  const action = builtRoutes().actions.find((candidate) => candidate.key === "lib/auth/actions.ts#signInAction");
  const response = await request.post("/sign-in", {
    headers: { "Next-Action": action?.id ?? "", "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: baseURL ?? "" },
    data: JSON.stringify([{ email: "nobody@e2e.test", password: "x".repeat(3 * 1024 * 1024) }]),
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toContain("larger than 2 MB");
});
