import { expect, test } from "@playwright/test";
import { signIn } from "./support/fixtures";
import { seedArticle, withDatabase } from "./support/seed";

// The keyboard path's last pieces and the small things: `n` for a note on the focused card, a favicon.

test("n adds an internal note to the focused comment without leaving the keyboard", async ({ page }) => {
  const thread = await seedArticle([{ author: "One", body: "First." }, { author: "Two", body: "Second, needs a note." }], { titlePrefix: "Notes" });
  await signIn(page, "moderator");
  await page.goto(`/queue?tab=pending&article=${thread.articleId}`);
  await expect(page.getByTestId("queue-board")).toHaveAttribute("data-hydrated", "true");
  await page.keyboard.press("j");
  await page.keyboard.press("n");
  const second = page.locator(`[data-testid="comment-card"][data-comment-id="${thread.ids[1]}"]`);
  await expect(second.getByTestId("card-note-form")).toBeVisible();
  await page.keyboard.type("Regular, usually fine; watch the tone.");
  await second.getByRole("button", { name: "Save note" }).click();
  await expect(second.getByTestId("card-note-saved")).toBeVisible();
  const notes = await withDatabase(async (client) => (await client.query<{ note: string }>(`SELECT note FROM comment_note WHERE "commentId" = $1`, [thread.ids[1]])).rows);
  expect(notes).toEqual([{ note: "Regular, usually fine; watch the tone." }]);
});

test("every page has a favicon", async ({ page, request }) => {
  await page.goto("/sign-in");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  const icon = await request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});

test("the Exports page confirms what the download held: rows, format and filters", async ({ page }) => {
  await signIn(page, "moderator");
  await page.goto("/exports");
  await page.getByLabel(/^Decided from/).fill("2000-01-01");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download export" }).click();
  await download;
  const confirmation = page.getByTestId("export-confirmation");
  await expect(confirmation).toContainText(/Downloaded: [\d,]+ decisions? as CSV/);
  await expect(confirmation).toContainText("on 1 Jan 2000");
});

test("keys typed while the queue is still loading are not lost", async ({ page }) => {
  const thread = await seedArticle([{ author: "Early", body: "Approved by a key pressed during loading." }, { author: "Later", body: "Untouched." }], { titlePrefix: "Early keys" });
  await signIn(page, "moderator");
  // Not waiting for hydration: the key goes in as soon as the document is parsed.
  await page.goto(`/queue?tab=pending&article=${thread.articleId}`, { waitUntil: "domcontentloaded" });
  await page.keyboard.press("a");
  const first = page.locator(`[data-testid="comment-card"][data-comment-id="${thread.ids[0]}"]`);
  await expect(first).toHaveAttribute("data-status", "APPROVED");
  const statuses = await withDatabase(async (client) => (await client.query<{ status: string }>(`SELECT status FROM comment WHERE id = ANY($1) ORDER BY id`, [thread.ids])).rows.map((row) => row.status));
  expect(statuses).toEqual(["APPROVED", "PENDING"]);
});

test("the rule page's 'Saved as version N' banner shows only while N is the rule's version", async ({ page }) => {
  const rule = await withDatabase(async (client) => (await client.query<{ id: number; version: number }>(`SELECT id, version FROM rule WHERE "deletedAt" IS NULL ORDER BY id LIMIT 1`)).rows[0]!);
  await signIn(page, "admin");
  await page.goto(`/rules/${rule.id}/edit?saved=${rule.version}`);
  await expect(page.getByTestId("rule-saved")).toHaveText(`Saved as version ${rule.version}.`);
  await page.goto(`/rules/${rule.id}/edit?saved=${rule.version - 1}`);
  await expect(page.getByRole("heading").first()).toBeVisible();
  await expect(page.getByTestId("rule-saved")).toHaveCount(0);
});
