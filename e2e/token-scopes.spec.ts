import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/fixtures";

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
