import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/fixtures";
import { seedArticle, withDatabase } from "./support/seed";

// Deciding where the comment is read: the article thread (with the queue's keys), the author page,
// the "no name" page of an article and a comment's own page.

const statusOf = (id: number) => withDatabase(async (client) => (await client.query<{ status: string }>(`SELECT status FROM comment WHERE id = $1`, [id])).rows[0]?.status);
const card = (page: Page, id: number) => page.locator(`[data-testid="comment-card"][data-comment-id="${id}"]`);

async function hydrated(page: Page) {
  await expect(page.getByTestId("decidable-list")).toHaveAttribute("data-hydrated", "true");
}

test("the article thread decides with the queue's keys, the reason hint on the focused card", async ({ page }) => {
  const thread = await seedArticle([{ author: "Kamran", body: "A fair point about the cables." }, { author: "Nadia", body: "You are an idiot.", replyTo: 0 }, { author: null, body: "Anonymous aside." }], { titlePrefix: "Context" });
  await signIn(page, "moderator");
  await page.goto(`/articles/${thread.articleId}`);
  await hydrated(page);
  await page.keyboard.press("a");
  await expect(card(page, thread.ids[0]!)).toHaveAttribute("data-status", "APPROVED");
  await expect(card(page, thread.ids[1]!)).toHaveAttribute("data-focused", "true");
  await page.keyboard.press("h");
  await expect(card(page, thread.ids[1]!).getByTestId("card-reason-hint")).toBeVisible();
  await page.keyboard.press("3");
  await expect(card(page, thread.ids[1]!)).toHaveAttribute("data-status", "HIDDEN");
  expect([await statusOf(thread.ids[0]!), await statusOf(thread.ids[1]!)]).toEqual(["APPROVED", "HIDDEN"]);

  // The anonymous comment has a page: every comment without a name on this article.
  await card(page, thread.ids[2]!).getByRole("link", { name: "no name" }).click();
  await expect(page.getByRole("heading", { name: "No name" })).toBeVisible();
  await expect(page.getByTestId("anonymous-counts")).toContainText("1 comment posted without a name");
  await hydrated(page);
  await card(page, thread.ids[2]!).getByRole("button", { name: "Approve" }).click();
  await expect(card(page, thread.ids[2]!)).toHaveAttribute("data-status", "APPROVED");
  expect(await statusOf(thread.ids[2]!)).toBe("APPROVED");
});

test("the author page and the comment page decide with Approve and Hide…; the comment page says what readers see", async ({ page }) => {
  const thread = await seedArticle([{ author: `Writer`, body: "First from the writer." }, { author: "Other", body: "Unrelated." }], { titlePrefix: "Byline ctx" });
  const author = `Writer-${thread.stamp}`;
  await withDatabase((client) => client.query(`UPDATE comment SET "authorName" = $1 WHERE id = $2`, [author, thread.ids[0]]));
  await signIn(page, "moderator");
  await page.goto(`/authors/${encodeURIComponent(author)}`);
  await hydrated(page);
  await card(page, thread.ids[0]!).getByRole("button", { name: "Hide…" }).click();
  await card(page, thread.ids[0]!).getByRole("button", { name: "2 nationalist" }).click();
  await expect(card(page, thread.ids[0]!)).toHaveAttribute("data-status", "HIDDEN");
  expect(await statusOf(thread.ids[0]!)).toBe("HIDDEN");

  await page.goto(`/comments/${thread.ids[1]}`);
  await expect(page.getByTestId("hidden-meaning")).toContainText("does not by itself remove a comment from your site");
  await expect(page.getByTestId("hidden-meaning")).toContainText("/api/v1/decisions");
  await hydrated(page);
  await card(page, thread.ids[1]!).getByRole("button", { name: "Hide…" }).click();
  await card(page, thread.ids[1]!).getByRole("button", { name: "4 spam" }).click();
  await expect(page.getByTestId("decision-row").first()).toContainText("hide");
  expect(await statusOf(thread.ids[1]!)).toBe("HIDDEN");
});

test("on the thread a clicked Approve moves focus to the next comment still pending, past the decided ones", async ({ page }) => {
  const thread = await seedArticle([{ author: "T1", body: "Clicked." }, { author: "T2", body: "Approved yesterday." }, { author: "T3", body: "Still to decide." }], { titlePrefix: "Thread click" });
  await withDatabase((client) => client.query(`UPDATE comment SET status = 'APPROVED', version = version + 1 WHERE id = $1`, [thread.ids[1]]));
  await signIn(page, "moderator");
  await page.goto(`/articles/${thread.articleId}`);
  await hydrated(page);
  await card(page, thread.ids[0]!).getByRole("button", { name: "Approve" }).click();
  await expect(card(page, thread.ids[0]!)).toHaveAttribute("data-status", "APPROVED");
  await expect(card(page, thread.ids[2]!)).toBeFocused();
  await page.keyboard.press("h");
  await page.keyboard.press("4");
  await expect(card(page, thread.ids[2]!)).toHaveAttribute("data-status", "HIDDEN");
  expect(await statusOf(thread.ids[2]!)).toBe("HIDDEN");
});
