import { createHash, randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { TOKEN_SCOPE_NAMES, type TokenScope } from "../lib/auth/token-scopes";
import { signIn } from "./support/fixtures";
import { builtRoutes } from "./support/route-manifest";
import { withDatabase } from "./support/seed";

// Least-privilege API tokens, on a phone: a token is made with the scopes ticked and no others,
// the tokens page lists them without scrolling sideways at 390 px, and the API refuses (403, naming
// the scope) every route outside them, whatever its admin's role allows.

test.use({ viewport: { width: 390, height: 844 } });

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("a read-and-export token reads and exports, and is refused ingest and decisions naming the scope", async ({ page, request }) => {
  const stamp = randomBytes(4).toString("hex");
  const name = `Newsletter ${stamp}`;
  await signIn(page, "admin");
  await page.goto("/tokens");
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
  await expectNoSidewaysScroll(page);

  await page.getByLabel("Token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("Choose at least one scope")).toBeVisible();
  await expect(page.getByTestId("created-token")).toHaveCount(0);

  // React resets a form after its action: the name is typed again.
  await page.getByLabel("Token name").fill(name);
  await page.getByRole("checkbox", { name: /Read comments and the queue/ }).check();
  await page.getByRole("checkbox", { name: /Export decisions/ }).check();
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("created-token").textContent())?.trim() ?? "";
  expect(token).toMatch(/^mdk_/);
  await expect(page.getByTestId("created-token-panel")).toContainText("comments:read, exports:read");
  const row = page.getByTestId("tokens-table").locator("tr", { hasText: name });
  await expect(row.getByTestId("token-scopes")).toHaveText(/comments:read\s*exports:read/);
  await expect(row).not.toContainText("comments:ingest");
  await expectNoSidewaysScroll(page);

  const headers = { authorization: `Bearer ${token}` };
  expect((await request.get("/api/v1/comments?limit=1", { headers })).status()).toBe(200);
  expect((await request.get("/api/v1/decisions?format=json", { headers })).status()).toBe(200);
  const ingest = await request.post("/api/v1/comments", { headers, data: { id: `scoped-${stamp}`, title: "Scoped", comments: [] } });
  expect(ingest.status()).toBe(403);
  expect((await ingest.json()).error).toMatchObject({ code: "FORBIDDEN", missingScope: "comments:ingest", message: expect.stringContaining("'comments:ingest'") });
  const decide = await request.post("/api/v1/comments/1/decisions", { headers, data: { action: "APPROVE", expectedVersion: 999_999, expectedStatus: "PENDING" } });
  expect(decide.status()).toBe(403);
  expect((await decide.json()).error.missingScope).toBe("decisions:write");
  const report = await request.post("/api/v1/comments/1/reports", { headers, data: { reports: [{ reason: "spam" }] } });
  expect((await report.json()).error.missingScope).toBe("reports:ingest");

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(row).toContainText("revoked");
});

/** The scope each /api/v1 route handler needs, per method, and a URL and body that reach it. */
const ROUTE_SCOPES: Record<string, { method: "GET" | "POST"; url: string; scope: TokenScope; body?: string; contentType?: string }[]> = {
  "/api/v1/comments": [
    { method: "GET", url: "/api/v1/comments?limit=1", scope: "comments:read" },
    { method: "POST", url: "/api/v1/comments", scope: "comments:ingest", body: JSON.stringify({ title: "Scope probe", comments: [] }) },
  ],
  "/api/v1/imports": [{ method: "POST", url: "/api/v1/imports?format=jsonl&fileName=scope-probe.jsonl", scope: "comments:ingest", body: "", contentType: "application/octet-stream" }],
  "/api/v1/imports/[batchId]/problems": [{ method: "GET", url: "/api/v1/imports/2000000000/problems", scope: "comments:ingest" }],
  "/api/v1/comments/[commentId]/reports": [{ method: "POST", url: "/api/v1/comments/2000000000/reports", scope: "reports:ingest", body: JSON.stringify({ reports: [{ reason: "spam" }] }) }],
  "/api/v1/sources/[source]/comments/[externalId]/reports": [{ method: "POST", url: "/api/v1/sources/probe/comments/none/reports", scope: "reports:ingest", body: JSON.stringify({ reports: [{ reason: "spam" }] }) }],
  "/api/v1/queue/changes": [{ method: "GET", url: "/api/v1/queue/changes", scope: "comments:read" }],
  "/api/v1/comments/[commentId]/statement-of-reasons": [{ method: "GET", url: "/api/v1/comments/2000000000/statement-of-reasons", scope: "comments:read" }],
  "/api/v1/comments/[commentId]/decisions": [{ method: "POST", url: "/api/v1/comments/1/decisions", scope: "decisions:write", body: JSON.stringify({ action: "APPROVE", expectedVersion: 999_999, expectedStatus: "PENDING" }) }],
  "/api/v1/decisions": [{ method: "GET", url: "/api/v1/decisions?format=json&since=2099-01-01", scope: "exports:read" }],
  "/api/v1/dsa/statements": [{ method: "GET", url: "/api/v1/dsa/statements?format=jsonl&since=2099-01-01", scope: "exports:read" }],
};

/** A token of the demo admin with exactly `scopes`, written as the app writes one (only its sha256 stored). */
async function tokenWith(scopes: readonly string[], label: string): Promise<string> {
  const token = `mdk_${randomBytes(24).toString("base64url")}`;
  await withDatabase(async (client) => {
    const admin = await client.query<{ id: string }>(`SELECT id FROM "user" WHERE role = 'admin' AND "disabledAt" IS NULL ORDER BY "createdAt" LIMIT 1`);
    await client.query(`INSERT INTO api_token (name, "tokenHash", prefix, "createdById", scopes) VALUES ($1, $2, $3, $4, $5)`, [label, createHash("sha256").update(token).digest("hex"), token.slice(0, 10), admin.rows[0]!.id, scopes]);
  });
  return token;
}

test("every /api/v1 route refuses an admin's token that has every scope but its own, and a token from before scopes reaches them all", async ({ request }) => {
  const handlers = builtRoutes().handlers.filter((handler) => handler.startsWith("/api/v1/") && handler !== "/api/v1/sessions");
  expect(handlers.filter((handler) => !(handler in ROUTE_SCOPES)), "route handlers without an entry in ROUTE_SCOPES").toEqual([]);
  const stamp = randomBytes(4).toString("hex");
  const legacy = await tokenWith(TOKEN_SCOPE_NAMES, `legacy ${stamp}`);
  for (const scope of TOKEN_SCOPE_NAMES) {
    const allBut = await tokenWith(TOKEN_SCOPE_NAMES.filter((other) => other !== scope), `all but ${scope} ${stamp}`);
    for (const call of Object.values(ROUTE_SCOPES).flat().filter((candidate) => candidate.scope === scope)) {
      const send = (token: string) =>
        request.fetch(call.url, { method: call.method, headers: { authorization: `Bearer ${token}`, "content-type": call.contentType ?? "application/json" }, ...(call.body === undefined ? {} : { data: call.body }) });
      const refused = await send(allBut);
      expect(refused.status(), `${call.method} ${call.url} without ${scope}`).toBe(403);
      expect((await refused.json()).error.missingScope, `${call.method} ${call.url}`).toBe(scope);
      const reached = await send(legacy);
      expect([401, 403], `${call.method} ${call.url} with every scope answered ${reached.status()}`).not.toContain(reached.status());
      expect(reached.status(), `${call.method} ${call.url}`).toBeLessThan(500);
    }
  }
});
