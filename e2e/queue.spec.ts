import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { credentials, signIn } from "./support/fixtures";
import { expect, test } from "./support/test";
import { seedArticle, type SeedComment } from "./support/seed";

// Each test seeds its own article and comments (unique names) and filters the queue to them, so
// other specs deciding the demo thread cannot change what these tests see.

const seedThread = (comments: SeedComment[]) => seedArticle(comments, { titlePrefix: "Queue e2e" });

async function openQueue(page: Page, query: string): Promise<void> {
  await page.goto(`/queue?${query}`);
  // Keys pressed before hydration would go nowhere.
  await expect(page.getByTestId("queue-board")).toHaveAttribute("data-hydrated", "true");
}

const card = (page: Page, id: number) => page.locator(`[data-testid="comment-card"][data-comment-id="${id}"]`);

test("a moderator triages a thread with the keyboard only: approve, hide with a reason, undo, bulk hide", async ({ page }) => {
  const thread = await seedThread([
    { author: "Ali", body: "So this is good." },
    { author: "Sara", body: "You idiot, read the article.", flagSpan: [4, 9] },
    { author: "Umar", body: "Why can’t we?", replyTo: 0 },
    { author: "Buy-now", body: "Cheap watches at example dot com" },
    { author: "Zain", body: "The cables through Karachi matter." },
  ]);
  await signIn(page, "moderator");
  await openQueue(page, `tab=pending&article=${thread.articleId}`);
  await expect(page.getByTestId("comment-card")).toHaveCount(5);
  await expect(page.getByRole("heading", { name: thread.title })).toBeVisible();
  await expect(card(page, thread.ids[1]!).getByTestId("flag-mark")).toHaveText("idiot");
  await expect(card(page, thread.ids[2]!).getByTestId("comment-parent")).toContainText("So this is good.");

  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await page.keyboard.press("a");
  await expect(card(page, thread.ids[0]!)).toHaveAttribute("data-status", "APPROVED");
  await expect(card(page, thread.ids[1]!)).toHaveAttribute("data-focused", "true");

  await page.keyboard.press("h");
  await expect(page.getByTestId("queue-notice")).toContainText("press 1 off-topic");
  await page.keyboard.press("3");
  await expect(card(page, thread.ids[1]!)).toHaveAttribute("data-status", "HIDDEN");
  await expect(card(page, thread.ids[1]!).getByTestId("comment-decision")).toContainText("hid this comment at");
  await expect(card(page, thread.ids[1]!).getByTestId("comment-decision")).toContainText("(abusive)");
  await expect(page.getByTestId("undo-toast")).toBeVisible();

  await page.keyboard.press("u");
  await expect(card(page, thread.ids[1]!)).toHaveAttribute("data-status", "PENDING");
  await expect(card(page, thread.ids[1]!)).toHaveAttribute("data-focused", "true");

  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await expect(page.getByTestId("selection-bar")).toContainText("2 selected");
  await page.keyboard.press("h");
  await page.keyboard.press("4");
  await expect(card(page, thread.ids[2]!)).toHaveAttribute("data-status", "HIDDEN");
  await expect(card(page, thread.ids[3]!)).toHaveAttribute("data-status", "HIDDEN");
  await expect(page.getByTestId("queue-notice")).toContainText("2 of 2 comments");

  // What the keyboard did is what the database holds.
  await openQueue(page, `tab=hidden&article=${thread.articleId}`);
  await expect(page.getByTestId("comment-card")).toHaveCount(2);
  await openQueue(page, `tab=pending&article=${thread.articleId}`);
  await expect(page.getByTestId("comment-card")).toHaveCount(2);

  // The history shows the undo as a decision of its own.
  await page.goto(`/comments/${thread.ids[1]}`);
  await expect(page.getByTestId("decision-row")).toHaveCount(2);
  await expect(page.getByTestId("decision-row").first()).toContainText("undo");
});

test("two moderators decide the same comment: the second is told who came first, and the card refreshes", async ({ openPage }) => {
  const thread = await seedThread([{ author: "Contested", body: "A comment two moderators look at." }]);
  const admin = await openPage();
  const moderator = await openPage();
  await signIn(admin, "admin");
  await signIn(moderator, "moderator");
  // The moderator's live feed is held back, as if the admin's decision had not reached them yet.
  await moderator.route("**/api/v1/queue/changes**", (route) => route.abort());
  await openQueue(moderator, `article=${thread.articleId}`);
  await openQueue(admin, `article=${thread.articleId}`);

  await card(admin, thread.ids[0]!).getByRole("button", { name: "Approve" }).click();
  await expect(card(admin, thread.ids[0]!)).toHaveAttribute("data-status", "APPROVED");

  await card(moderator, thread.ids[0]!).getByRole("button", { name: "Hide…" }).click();
  await card(moderator, thread.ids[0]!).getByRole("button", { name: "3 abusive" }).click();
  const adminEmail = credentials().admin.email;
  await expect(moderator.getByTestId("queue-notice")).toContainText(new RegExp(`${adminEmail.replace(/[.]/g, "\\.")} already approved this comment at \\d\\d:\\d\\d`));

  await moderator.unroute("**/api/v1/queue/changes**");
  await expect(card(moderator, thread.ids[0]!)).toHaveAttribute("data-status", "APPROVED");
  await expect(card(moderator, thread.ids[0]!).getByTestId("comment-remark")).toContainText(`${adminEmail} approved this comment`);
});

test("filters live in the URL and survive a reload", async ({ page }) => {
  const thread = await seedThread([
    { author: "Findable", body: "A remark about submarine cables" },
    { author: "Other", body: "Nothing to see" },
  ]);
  await signIn(page, "moderator");
  await openQueue(page, `tab=all&article=${thread.articleId}`);
  await expect(page.getByTestId("comment-card")).toHaveCount(2);
  await page.getByLabel("Search", { exact: true }).fill("submarine");
  await page.getByLabel("Author", { exact: true }).fill("Findable");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/q=submarine/);
  await expect(page).toHaveURL(/author=Findable/);
  await expect(page.getByTestId("comment-card")).toHaveCount(1);
  await page.reload();
  await expect(page.getByLabel("Search")).toHaveValue("submarine");
  await expect(page.getByTestId("comment-card")).toHaveCount(1);
  await expect(page.getByTestId("comment-body")).toHaveText("A remark about submarine cables");
  await expect(page.getByTestId("tab-all")).toHaveAttribute("aria-current", "page");
  await page.keyboard.press("/");
  await expect(page.getByLabel("Search")).toBeFocused();
});

test("the author view hides all pending after a confirm step, keeps notes and a watch list; the comment view reverts", async ({ page }) => {
  const author = `Troll-${randomBytes(3).toString("hex")}`;
  const thread = await seedThread([
    { author, body: "First rant" },
    { author, body: "Second rant", replyTo: 0 },
  ]);
  await signIn(page, "moderator");
  await page.goto(`/articles/${thread.articleId}`);
  await expect(page.getByRole("heading", { name: thread.title })).toBeVisible();
  await expect(page.getByTestId("comment-card")).toHaveCount(2);

  await page.goto(`/authors/${encodeURIComponent(author)}`);
  await expect(page.getByTestId("author-counts")).toHaveText("2 comments: 2 pending, 0 approved, 0 hidden");
  await page.getByRole("button", { name: "Hide all pending comments of this author…" }).click();
  await page.getByRole("button", { name: "Confirm: hide 2" }).click();
  await expect(page.getByTestId("author-message")).toHaveText("Hid 2 comments.");
  await expect(page.getByTestId("author-counts")).toHaveText("2 comments: 0 pending, 0 approved, 2 hidden");

  await page.getByLabel("Add an internal note").fill("Known spammer, see ticket 42");
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByTestId("author-note")).toContainText("Known spammer, see ticket 42");
  await page.getByRole("button", { name: "Put on watch list" }).click();
  await expect(page.getByTestId("author-message")).toContainText("is on the watch list");

  await page.goto(`/comments/${thread.ids[0]}`);
  await expect(page.getByTestId("decision-row")).toHaveCount(1);
  await page.getByRole("button", { name: "Revert the latest decision (hide)" }).click();
  await expect(page.getByTestId("revert-message")).toHaveText("Reverted: now pending.");
  await expect(page.getByTestId("decision-row")).toHaveCount(2);
  await expect(page.getByTestId("comment-status")).toHaveText("pending");
});
