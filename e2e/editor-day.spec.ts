import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { signIn } from "./support/fixtures";
import { appendThreadComments, seedArticle, withDatabase } from "./support/seed";

// A community editor's day: an author found by the name they type, a comment judged in its thread
// (thousands long, on a phone), and a colleague's decision told with a time a program can read.

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const card = (page: Page, id: number) => page.locator(`[data-testid="comment-card"][data-comment-id="${id}"]`);
const hasNoSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test("the author filter finds 'rahul' for Rahul, and suggests the names that start with what was typed", async ({ openPage }) => {
  const stem = `rahul${randomBytes(3).toString("hex")}`;
  const stored = `R${stem.slice(1)}`;
  const thread = await seedArticle([{ author: stored, body: "Posted by the capitalised name." }, { author: `${stored} Sharma`, body: "Posted by a longer name." }], { titlePrefix: "Authors" });
  const page = await openPage();
  await signIn(page, "moderator");
  await page.goto(`/queue?tab=pending&author=${stem}`);
  await expect(card(page, thread.ids[0]!)).toBeVisible();
  await expect(card(page, thread.ids[1]!)).toHaveCount(0);

  // Typing lists the stored names that start with it, capitals aside.
  await page.goto("/queue?tab=pending");
  await page.getByTestId("author-filter").fill(stem.toUpperCase());
  await expect(page.getByTestId("author-suggestions").locator("option")).toHaveCount(2);
  await expect(page.getByTestId("author-suggestions").locator(`option[value="${stored} Sharma"]`)).toHaveCount(1);

  // Half a name finds nothing, says so, and offers the names it starts.
  await page.goto(`/queue?tab=pending&author=${stem.slice(0, -1)}`);
  await expect(page.getByTestId("queue-empty")).toContainText("capitals do not matter");
  await page.getByTestId("author-suggestion-links").getByRole("link", { name: `${stored} Sharma` }).click();
  await expect(card(page, thread.ids[1]!)).toBeVisible();
});

test("a reply deep in a 5,000-comment thread opens in context on a phone: its window, focused, paged, no sideways scroll", async ({ openPage }) => {
  const thread = await seedArticle([{ author: "Opener", body: "The first comment of a long thread." }], { titlePrefix: "Long thread" });
  const ids = await appendThreadComments(thread, { count: 4999, daysAgo: 3, step: "1 second", body: "Comment in a long thread, number" });
  const parent = ids[3_999]!;
  const reply = ids[4_000]!;
  await withDatabase((client) => client.query(`UPDATE comment SET "parentId" = $1, body = 'A reply to the comment above.' WHERE id = $2`, [parent, reply]));

  const page = await openPage(PHONE);
  // Signed out (the session ended), the link comes back to the same comment after signing in.
  await page.goto(`/articles/${thread.articleId}?comment=${reply}`);
  await expect(page).toHaveURL(/\/sign-in\?/);
  expect(new URL(page.url()).searchParams.get("next")).toBe(`/articles/${thread.articleId}?comment=${reply}`);
  await signIn(page, "moderator");
  await page.goto(`/articles/${thread.articleId}?comment=${reply}`);
  await expect(page.getByTestId("decidable-list")).toHaveAttribute("data-hydrated", "true");
  await expect(page.getByTestId("thread-window")).toContainText("100 of 5,000 comments");
  await expect(page.getByTestId("comment-card")).toHaveCount(100);
  // The reply is focused and on screen, under the comment it answers.
  await expect(card(page, reply)).toBeFocused();
  await expect(card(page, reply)).toBeInViewport();
  await expect(card(page, parent)).toBeVisible();
  expect(await hasNoSidewaysScroll(page)).toBe(true);
  expect((await page.getByTestId("thread-open-in-queue").boundingBox())?.height).toBeGreaterThanOrEqual(44);
  // Deciding it there moves on, as in the queue.
  await card(page, reply).getByRole("button", { name: "Approve" }).tap();
  await expect(card(page, reply)).toHaveAttribute("data-status", "APPROVED");

  // Later, then earlier again: keyset pages, each a window, the links tall enough for a thumb.
  const later = page.getByTestId("thread-later");
  expect((await later.boundingBox())?.height).toBeGreaterThanOrEqual(44);
  await later.click();
  await expect(card(page, ids[4_999]!)).toHaveCount(0);
  await expect(page.getByTestId("comment-card").first()).toHaveAttribute("data-comment-id", String(ids[4_067]));
  await page.getByTestId("thread-earlier").click();
  await expect(page.getByTestId("comment-card").last()).toHaveAttribute("data-comment-id", String(ids[4_066]));
});

test("the API's 409 gives the colleague's decision as fields, its time an ISO instant with an offset", async ({ openPage, baseURL }) => {
  const thread = await seedArticle([{ author: "Raced", body: "Two moderators at once." }], { titlePrefix: "Race" });
  const commentId = thread.ids[0]!;
  const page = await openPage();
  await signIn(page, "moderator");
  const decide = (action: "APPROVE" | "HIDE") =>
    page.request.post(`/api/v1/comments/${commentId}/decisions`, {
      headers: { origin: baseURL ?? "", "content-type": "application/json" },
      data: { action, reason: action === "HIDE" ? "SPAM" : undefined, expectedVersion: 0, expectedStatus: "PENDING" },
    });
  expect((await decide("HIDE")).status()).toBe(200);
  const late = await decide("APPROVE");
  expect(late.status()).toBe(409);
  const body = (await late.json()) as { error: { code: string; message: string; current: { status: string; version: number; decidedBy: string; decidedAt: string; reason: string } } };
  expect(body.error.code).toBe("CONFLICT");
  expect(body.error.current).toMatchObject({ status: "HIDDEN", version: 1, reason: "SPAM" });
  expect(body.error.current.decidedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}(Z|[+-]\d\d:\d\d)$/);
  const stored = await withDatabase(async (client) => (await client.query<{ at: Date }>(`SELECT "decidedAt" AT TIME ZONE 'UTC' AS at FROM comment WHERE id = $1`, [commentId])).rows[0]!.at);
  expect(new Date(body.error.current.decidedAt).getTime()).toBe(stored.getTime());
});

test("a mistaken bulk hide, tapped on a phone, can still be undone once the next card has been read", async ({ openPage }) => {
  const thread = await seedArticle([{ author: "Fine1", body: "A fair point." }, { author: "Fine2", body: "Another fair point." }, { author: "Fine3", body: "A third." }], { titlePrefix: "Oops" });
  const page = await openPage(PHONE);
  // The page's clock, moved on by hand: no waiting in the test.
  await page.clock.install();
  await signIn(page, "moderator");
  await page.goto(`/queue?tab=pending&article=${thread.articleId}`);
  await expect(page.getByTestId("queue-board")).toHaveAttribute("data-hydrated", "true");
  await page.getByTestId("bulk-toolbar").getByRole("button", { name: "Select all on this page" }).tap();
  const bar = page.getByTestId("selection-bar");
  const hide = bar.getByRole("button", { name: "Hide 3…" });
  expect((await hide.boundingBox())?.height).toBeGreaterThanOrEqual(44);
  await hide.tap();
  await bar.getByRole("button", { name: "4 spam" }).tap();
  await expect(page.getByTestId("undo-toast")).toContainText("Hidden (spam): 3 comments.");
  // Twenty seconds later (one comment's undo would be gone after eight), Undo is still under the thumb.
  await page.clock.fastForward(20_000);
  await page.getByTestId("undo-toast").getByRole("button", { name: /Undo/ }).tap();
  await expect(page.getByTestId("notice-toast")).toContainText("Undone");
  const statuses = await withDatabase(async (client) => (await client.query<{ status: string }>(`SELECT status FROM comment WHERE id = ANY($1)`, [thread.ids])).rows.map((row) => row.status));
  expect(statuses).toEqual(["PENDING", "PENDING", "PENDING"]);
});
