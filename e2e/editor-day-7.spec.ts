import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { credentials, signIn } from "./support/fixtures";
import { appendThreadComments, seedArticle, withDatabase } from "./support/seed";

// A community editor's day, round 7: a reply whose parent is on another page of the thread, and
// what got in the way of deciding quickly on a phone and at a desk.

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const card = (page: Page, id: number) => page.locator(`[data-testid="comment-card"][data-comment-id="${id}"]`);

test("a reply whose parent is in an earlier window of the thread says so and opens the window around the parent", async ({ openPage }) => {
  const thread = await seedArticle([{ author: "Opener", body: "The first comment of a thread of 150." }], { titlePrefix: "Windows" });
  const ids = await appendThreadComments(thread, { count: 149, daysAgo: 2, step: "1 minute", body: "Remark on the article, number" });
  const parent = ids[5]!;
  const reply = ids[140]!;
  await withDatabase((client) => client.query(`UPDATE comment SET "parentId" = $1, body = 'I disagree with that remark.' WHERE id = $2`, [parent, reply]));

  const page = await openPage(PHONE);
  await signIn(page, "moderator");
  await page.goto(`/articles/${thread.articleId}?comment=${reply}`);
  await expect(page.getByTestId("decidable-list")).toHaveAttribute("data-hydrated", "true");
  await expect(card(page, parent)).toHaveCount(0);
  const quoted = card(page, reply).getByTestId("comment-parent");
  await expect(quoted).toContainText("wrote, on another page of the thread:");
  const parentBody = await withDatabase(async (client) => (await client.query<{ body: string }>(`SELECT body FROM comment WHERE id = $1`, [parent])).rows[0]!.body);
  await expect(quoted).toContainText(parentBody);
  const show = quoted.getByTestId("comment-parent-link");
  expect((await show.boundingBox())?.height).toBeGreaterThanOrEqual(44);
  await show.tap();
  await expect(page).toHaveURL(new RegExp(`/articles/${thread.articleId}\\?comment=${parent}$`));
  await expect(card(page, parent)).toBeFocused();
  await expect(card(page, parent)).toBeInViewport();
  // A reply nested under its parent in the same window has no such link.
  await withDatabase((client) => client.query(`UPDATE comment SET "parentId" = $1 WHERE id = $2`, [parent, ids[7]]));
  await page.reload();
  await expect(card(page, ids[7]!).getByTestId("comment-parent")).toBeVisible();
  await expect(card(page, ids[7]!).getByTestId("comment-parent-link")).toHaveCount(0);

  // Around a comment the article is folded to one line (it stood between the editor and the
  // comments on every window); one tap opens it. At the thread's start it is open.
  const article = page.getByTestId("thread-article");
  await expect(article).toContainText("The article (3 words)");
  await expect(article.getByText("The article text.")).toBeHidden();
  expect((await article.locator("summary").boundingBox())?.height).toBeGreaterThanOrEqual(44);
  await article.locator("summary").tap();
  await expect(article.getByText("The article text.")).toBeVisible();
  await page.goto(`/articles/${thread.articleId}`);
  await expect(page.getByTestId("thread-article").getByText("The article text.")).toBeVisible();
});

test("the queue offers a Karachi phone its own zone when the cards show UTC: one tap, and every time reads right", async ({ openPage }) => {
  const thread = await seedArticle([{ author: "Zia", body: "Posted at noon UTC." }], { titlePrefix: "Zone" });
  const email = credentials().moderator2.email;
  await withDatabase(async (client) => {
    await client.query(`UPDATE comment SET "postedAt" = '2026-12-05 12:00:00' WHERE id = $1`, [thread.ids[0]]);
    await client.query(`INSERT INTO setting (key, value, "updatedAt") VALUES ('timeZone', 'UTC', now()) ON CONFLICT (key) DO UPDATE SET value = 'UTC'`);
  });
  try {
    const page = await openPage({ ...PHONE, timezoneId: "Asia/Karachi" });
    await signIn(page, "moderator2");
    await page.goto(`/queue?tab=pending&article=${thread.articleId}`);
    const hint = page.getByTestId("device-zone-hint");
    await expect(hint).toContainText("Times here are in UTC; this device is in Asia/Karachi.");
    await expect(card(page, thread.ids[0]!).locator("time").first()).toHaveText("5 Dec 2026, 12:00 UTC");
    // Declined, it stays away on this device.
    await hint.getByRole("button", { name: "Keep UTC" }).tap();
    await expect(hint).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId("queue-board")).toHaveAttribute("data-hydrated", "true");
    await expect(hint).toHaveCount(0);

    const other = await openPage({ ...PHONE, timezoneId: "Asia/Karachi" });
    await signIn(other, "moderator2");
    await other.goto(`/queue?tab=pending&article=${thread.articleId}`);
    const use = other.getByTestId("device-zone-hint").getByRole("button", { name: "Use Asia/Karachi" });
    expect((await use.boundingBox())?.height).toBeGreaterThanOrEqual(44);
    await use.tap();
    await expect(card(other, thread.ids[0]!).locator("time").first()).toHaveText("5 Dec 2026, 17:00 GMT+5");
    await expect(other.getByTestId("device-zone-hint")).toHaveCount(0);
  } finally {
    await withDatabase(async (client) => {
      await client.query(`UPDATE "user" SET "timeZone" = NULL WHERE email = $1`, [email]);
      await client.query(`DELETE FROM setting WHERE key = 'timeZone'`);
    });
  }
});

test("at a desk, 'select all matches' asks with the focus on its question: Tab reaches its buttons, Esc answers no", async ({ openPage }) => {
  const thread = await seedArticle([{ author: "K1", body: "Kept one." }, { author: "K2", body: "Kept two." }], { titlePrefix: "Keys" });
  const page = await openPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, "moderator");
  await page.goto(`/queue?tab=pending&article=${thread.articleId}`);
  await expect(page.getByTestId("queue-board")).toHaveAttribute("data-hydrated", "true");
  await page.getByTestId("bulk-toolbar").getByRole("button", { name: "Select all matches, every page…" }).click();
  const panel = page.getByTestId("bulk-run-panel");
  await expect(panel.getByTestId("bulk-run-count")).toContainText("2 comments match");
  await expect(panel).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(panel.getByRole("button", { name: "Approve all 2" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  // Esc answered the panel only: nothing decided, and j still moves through the queue.
  await page.keyboard.press("j");
  await expect(card(page, thread.ids[1]!)).toBeFocused();
  const statuses = await withDatabase(async (client) => (await client.query<{ status: string }>(`SELECT status FROM comment WHERE id = ANY($1)`, [thread.ids])).rows.map((row) => row.status));
  expect(statuses).toEqual(["PENDING", "PENDING"]);
});
