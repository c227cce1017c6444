import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signIn } from "./support/fixtures";

// The ingest API with a token made in the dashboard: 401 without one, per-comment answers,
// duplicates on a resend, 401 once revoked, 403 for a moderator's session, 413 for a huge body or
// too many comments, 400 or a per-comment refusal for what PostgreSQL cannot store.

function articleBody(stamp: string) {
  return {
    id: `e2e-ingest-${stamp}`,
    title: `Ingest test ${stamp}`,
    comments: [
      { id: `ok-${stamp}`, author: "Sana", body: "Roads flooded again in Saddar.", postedAt: "2015-07-24T10:30:00Z" },
      { id: `bad-${stamp}`, author: "Rashid", body: "When?", postedAt: "yesterday" },
    ],
  };
}

test("a token made in the dashboard ingests comments until it is revoked", async ({ page, request }) => {
  const stamp = randomBytes(4).toString("hex");
  const anonymous = await request.post("/api/v1/comments", { data: articleBody(stamp) });
  expect(anonymous.status()).toBe(401);

  await signIn(page, "admin");
  await page.goto("/users");
  await page.getByRole("link", { name: "Manage API tokens" }).click();
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
  const name = `CMS ${stamp}`;
  await page.getByLabel("Token name").fill(name);
  await page.getByRole("checkbox", { name: /Send comments in/ }).check();
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("created-token").textContent())?.trim() ?? "";
  expect(token).toMatch(/^mdk_/);
  const row = page.getByTestId("tokens-table").locator("tr", { hasText: name });
  await expect(row).toContainText(token.slice(0, 10));
  await expect(row).toContainText("active");
  await expect(page.getByTestId("tokens-table")).not.toContainText(token);

  const headers = { authorization: `Bearer ${token}` };
  const first = await request.post("/api/v1/comments", { data: articleBody(stamp), headers });
  expect(first.status()).toBe(200);
  const created = await first.json();
  expect(created).toMatchObject({ created: 1, duplicates: 0, rejected: 1 });
  expect(created.comments).toEqual([
    { index: 0, id: expect.any(Number), key: `moddesk:id:ok-${stamp}`, status: "created" },
    { index: 1, key: `moddesk:id:bad-${stamp}`, status: "rejected", reason: expect.stringContaining("'yesterday' is not a date") },
  ]);

  const again = await (await request.post("/api/v1/comments", { data: articleBody(stamp), headers })).json();
  expect(again).toMatchObject({ created: 0, duplicates: 1, rejected: 1 });
  expect(again.comments[0]).toMatchObject({ status: "duplicate", id: created.comments[0].id });

  const notTheFormat = await request.post("/api/v1/comments", { data: { comments: [] }, headers });
  expect(notTheFormat.status()).toBe(400);
  const huge = await request.post("/api/v1/comments", { data: { title: "Huge", comments: [{ body: "x".repeat(11 * 1024 * 1024), postedAt: "2015-07-24T10:30:00Z" }] }, headers });
  expect(huge.status()).toBe(413);
  expect((await huge.json()).error.message).toContain("larger than 10 MB");
  // Small in bytes, huge in work: 10,001 empty comments (20 KB) would each be answered and logged.
  const many = await request.post("/api/v1/comments", { data: { title: `Many ${stamp}`, comments: Array.from({ length: 10_001 }, () => ({})) }, headers });
  expect(many.status()).toBe(413);
  expect((await many.json()).error.message).toContain("at most 10,000 are taken in one request");
  // Reports are written in one transaction after the comments: 240,000 outlasted it (a 500, the reports lost).
  const reported = Array.from({ length: 21 }, (_, index) => ({ id: `reported-${stamp}-${index}`, body: "Reported.", postedAt: "2015-07-24T10:30:00Z", reports: Array.from({ length: 500 }, () => ({ reason: "spam" })) }));
  const tooManyReports = await request.post("/api/v1/comments", { data: { title: `Reports ${stamp}`, comments: reported }, headers });
  expect(tooManyReports.status()).toBe(413);
  expect((await tooManyReports.json()).error.message).toContain("10,500 readers' reports; at most 10,000");
  // What PostgreSQL cannot store is a 400 naming the field (a 500 from the insert before).
  const nulTitle = await request.post("/api/v1/comments", { data: { title: "Nul\u0000title", comments: [] }, headers });
  expect(nulTitle.status()).toBe(400);
  expect(JSON.stringify((await nulTitle.json()).error.issues)).toContain("title");
  const longAuthor = await request.post("/api/v1/comments", { data: { id: `long-${stamp}`, title: "Long author", comments: [{ id: `long-${stamp}`, author: randomBytes(3000).toString("hex"), body: "Fine words.", postedAt: "2015-07-24T10:30:00Z" }] }, headers });
  expect(longAuthor.status()).toBe(200);
  expect((await longAuthor.json()).comments[0]).toMatchObject({ status: "rejected", reason: expect.stringMatching(/^author is 6,000 characters long, at most 200/) });

  await page.reload();
  await expect(page.getByTestId("tokens-table").locator("tr", { hasText: name }).locator("td").nth(5)).not.toHaveText("—");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(page.getByTestId("tokens-table").locator("tr", { hasText: name })).toContainText("revoked");
  const revoked = await request.post("/api/v1/comments", { data: articleBody(stamp), headers });
  expect(revoked.status()).toBe(401);
});

test("a moderator's session is refused the ingest API and the tokens page", async ({ page }) => {
  await signIn(page, "moderator");
  const response = await page.request.post("/api/v1/comments", { data: articleBody(randomBytes(4).toString("hex")) });
  expect(response.status()).toBe(403);
  const tokens = await page.goto("/tokens");
  expect(tokens?.status()).toBe(403);
});
