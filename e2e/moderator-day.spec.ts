import { expect, test, type Locator, type Page } from "@playwright/test";
import { credentials, signIn } from "./support/fixtures";
import { seedArticle, withDatabase } from "./support/seed";

// A community editor's day: the queue on a phone with a thumb (tabs, long unbroken text, bulk
// selection at the bottom of the screen, undo), the signal dropping mid-decision, a colleague who
// decided first (said in the editor's own zone), and the context of a comment read without leaving
// the queue.

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;

async function expectTapSize(locator: Locator) {
  const box = await locator.boundingBox();
  expect(box, "the control is laid out").not.toBeNull();
  expect(box!.height).toBeGreaterThanOrEqual(44);
}

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

async function openQueue(page: Page, query: string) {
  await page.goto(`/queue?${query}`);
  await expect(page.getByTestId("queue-board")).toHaveAttribute("data-hydrated", "true");
}

async function decisionCount(commentId: number): Promise<number> {
  return withDatabase(async (client) => (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM decision WHERE "commentId" = $1`, [commentId])).rows[0]!.n);
}

async function setOwnTimeZone(account: "moderator" | "moderator2", zone: string | null) {
  await withDatabase((client) => client.query(`UPDATE "user" SET "timeZone" = $1 WHERE email = $2`, [zone, credentials()[account].email]));
}

test.describe("on a phone", () => {
  test.use(PHONE);

  test("one row of tabs, long unbroken text wraps at 360 and 390 px, the card's links are thumb-sized", async ({ page }) => {
    const url = `https://example.org/${"path".repeat(40)}?q=${"x".repeat(120)}`;
    const thread = await seedArticle(
      [
        { author: "Zara", body: `Read this first: ${url}` },
        { author: "Omar", body: `No${"o".repeat(300)}! ${"Repeated".repeat(50)}` },
      ],
      { titlePrefix: `A headline long enough to take three lines on a phone when it is written out in capitals` },
    );
    await signIn(page, "moderator");
    for (const width of [360, 390]) {
      await page.setViewportSize({ width, height: 844 });
      await openQueue(page, `tab=pending&article=${thread.articleId}`);
      await expectNoSidewaysScroll(page);
      const tabs = page.getByRole("navigation", { name: "Queue tabs" });
      const [flagged, all] = [await tabs.getByTestId("tab-flagged").boundingBox(), await tabs.getByTestId("tab-all").boundingBox()];
      expect(Math.abs(flagged!.y - all!.y), "the tabs are one row").toBeLessThan(1);
      await expect(tabs.getByTestId("tab-pending"), "the current tab is in view").toBeInViewport({ ratio: 1 });
      for (const card of await page.getByTestId("comment-card").all()) {
        const [cardBox, bodyBox] = [await card.boundingBox(), await card.getByTestId("comment-body").boundingBox()];
        expect(bodyBox!.x + bodyBox!.width).toBeLessThanOrEqual(cardBox!.x + cardBox!.width);
        expect(cardBox!.x + cardBox!.width).toBeLessThanOrEqual(width);
      }
    }
    const first = page.getByTestId("comment-card").first();
    await expect(first.getByRole("button", { name: "Approve" }), "decidable on the first screen").toBeInViewport();
    for (const control of [first.getByTestId("comment-author"), first.getByRole("link", { name: "History" }), first.getByRole("button", { name: "Context" }), page.getByRole("link", { name: thread.title })]) {
      await expectTapSize(control);
    }
  });

  test("a long comment first in the queue: its first lines, Approve on the first screen, the rest one tap away", async ({ page }) => {
    const rant = `${"They never learn and never will, every single time the same story from the same people. ".repeat(12)}THE-LAST-WORDS.`;
    const thread = await seedArticle([{ author: "Jamil", body: rant }]);
    await signIn(page, "moderator");
    await openQueue(page, `tab=pending&article=${thread.articleId}`);
    const card = page.getByTestId("comment-card").first();
    await expect(card.getByRole("button", { name: "Approve" })).toBeInViewport();
    await expect(card.getByTestId("comment-body")).toContainText("THE-LAST-WORDS");
    const body = await card.getByTestId("comment-body").boundingBox();
    expect(body!.height, "folded to its first lines").toBeLessThan(8 * 30);
    const more = card.getByRole("button", { name: "Show the whole comment" });
    await expectTapSize(more);
    await more.tap();
    await expect(more).toHaveCount(0);
    expect((await card.getByTestId("comment-body").boundingBox())!.height).toBeGreaterThan(body!.height * 2);
  });

  test("no page scrolls sideways at 360 px (the Imports file field and the Insights range form did)", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 780 });
    await signIn(page, "admin");
    for (const path of ["/queue", "/imports", "/insights", "/audit", "/users", "/exports", "/webhooks", "/connectors", "/rules", "/dsa", "/account"]) {
      await page.goto(path);
      await expect(page.getByRole("button", { name: "Menu" })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
  });

  test("bulk selection at the bottom under the thumb, approve, undo from the toast", async ({ page }) => {
    const thread = await seedArticle([
      { author: "Asad", body: "One." },
      { author: "Bina", body: "Two." },
      { author: "Chand", body: "Three." },
    ]);
    await signIn(page, "moderator");
    await openQueue(page, `tab=pending&article=${thread.articleId}`);
    const cards = page.getByTestId("comment-card");
    await cards.nth(0).getByText("Select", { exact: true }).tap();
    await cards.nth(1).getByText("Select", { exact: true }).tap();
    const bar = page.getByTestId("selection-bar");
    const barBox = await bar.boundingBox();
    expect(barBox!.y + barBox!.height, "the bar sits at the bottom of the screen").toBeGreaterThan(844 - 2);
    const firstCard = await cards.nth(0).boundingBox();
    expect(firstCard!.y + firstCard!.height, "and leaves the first comments in sight").toBeLessThan(barBox!.y);
    const approve = bar.getByRole("button", { name: "Approve 2" });
    await expectTapSize(approve);
    await approve.tap();
    const toast = page.getByTestId("undo-toast");
    await expect(toast).toContainText("Approved: 2 comments.");
    await expect(toast).toBeInViewport();
    await expectTapSize(toast.getByRole("button", { name: "Undo" }));
    await toast.getByRole("button", { name: "Undo" }).tap();
    await expect(page.getByTestId("notice-toast")).toContainText("Undone: back to pending.");
    await expect(cards.nth(0)).toHaveAttribute("data-status", "PENDING");
    await expect(cards.nth(1)).toHaveAttribute("data-status", "PENDING");
  });

  test("the signal drops mid-decision: a clear error, nothing saved or lost, Retry decides it once", async ({ page, context }) => {
    const thread = await seedArticle([{ author: "Dania", body: "Decided on a train." }]);
    const commentId = thread.ids[0]!;
    await signIn(page, "moderator");
    await openQueue(page, `tab=pending&article=${thread.articleId}`);
    const card = page.getByTestId("comment-card").first();
    await context.setOffline(true);
    await card.getByRole("button", { name: "Approve" }).tap();
    const retry = page.getByTestId("retry-toast");
    await expect(retry).toContainText("could not be reached");
    await expect(retry).toBeInViewport();
    await expect(card).toHaveAttribute("data-status", "PENDING");
    expect(await decisionCount(commentId)).toBe(0);

    await context.setOffline(false);
    await expectTapSize(retry.getByRole("button", { name: "Retry" }));
    await retry.getByRole("button", { name: "Retry" }).tap();
    await expect(page.getByTestId("undo-toast")).toContainText("Approved.");
    await expect(card).toHaveAttribute("data-status", "APPROVED");
    expect(await decisionCount(commentId)).toBe(1);
  });

  test("the answer is lost after the decision was saved: Retry is refused as already made by me, never saved twice", async ({ page }) => {
    const thread = await seedArticle([{ author: "Kamran", body: "Saved, but the phone never heard." }]);
    const commentId = thread.ids[0]!;
    await signIn(page, "moderator");
    await openQueue(page, `tab=pending&article=${thread.articleId}`);
    // The server gets the decision and answers; the answer never reaches the phone.
    let isFirstDecision = true;
    await page.route("**/queue?**", async (route) => {
      if (route.request().method() !== "POST" || !isFirstDecision) return route.continue();
      isFirstDecision = false;
      await route.fetch();
      await route.abort("internetdisconnected");
    });
    const card = page.getByTestId("comment-card").first();
    await card.getByRole("button", { name: "Approve" }).tap();
    const retry = page.getByTestId("retry-toast");
    await expect(retry).toContainText("may not have been saved");
    expect(await decisionCount(commentId)).toBe(1);
    await retry.getByRole("button", { name: "Retry" }).tap();
    await expect(page.getByTestId("notice-toast")).toContainText(`${credentials().moderator.email} already approved this comment at`);
    await expect(card).toHaveAttribute("data-status", "APPROVED");
    expect(await decisionCount(commentId)).toBe(1);
  });
});

test.describe("at a desk", () => {
  test.use({ viewport: { width: 1440, height: 900 } });
  test.afterAll(async () => setOwnTimeZone("moderator", null));

  test("a colleague decided first: the notice says their time in my zone, as my cards do; yesterday 23:30 reads as yesterday", async ({ page }) => {
    const thread = await seedArticle([{ author: "Erum", body: "Two moderators, one comment." }]);
    const commentId = thread.ids[0]!;
    // 18:30 UTC is 23:30 in Karachi, the same day; 19:30 UTC would be the next.
    await withDatabase((client) => client.query(`UPDATE comment SET "postedAt" = '2026-12-05 18:30:00' WHERE id = $1`, [commentId]));
    await setOwnTimeZone("moderator", "Asia/Karachi");
    await signIn(page, "moderator");
    await openQueue(page, `tab=pending&article=${thread.articleId}`);
    const card = page.getByTestId("comment-card").first();
    await expect(card.locator("time").first()).toHaveText("5 Dec 2026, 23:30 GMT+5");

    // The colleague's decision lands between the page load and the click (straight in the database,
    // so the live feed cannot refresh the card first).
    await withDatabase((client) =>
      client.query(`UPDATE comment SET status = 'APPROVED', version = version + 1, "decidedAt" = '2026-12-06 04:15:00', "decidedById" = (SELECT id FROM "user" WHERE email = $2) WHERE id = $1`, [
        commentId,
        credentials().moderator2.email,
      ]),
    );
    await card.getByRole("button", { name: "Hide…" }).click();
    await card.getByRole("button", { name: "3 abusive" }).click();
    await expect(page.getByTestId("queue-notice")).toHaveText(`${credentials().moderator2.email} already approved this comment at 09:15 GMT+5 on 6 Dec 2026`);
    await expect(page.getByTestId("notice-toast")).toContainText("09:15 GMT+5");
    expect(await decisionCount(commentId)).toBe(0);
  });

  test("Context shows the whole parent, the article and the author's latest comments in place; c toggles it, keys do nothing while typing", async ({ page }) => {
    const longParent = `The parent comment starts here and runs on, ${"word ".repeat(80)}and ends with THE-PARENT-END.`;
    const thread = await seedArticle([
      { author: "Farah", body: longParent },
      { author: "Gul", body: "An earlier comment by Gul, hidden as abusive." },
      { author: "Gul", body: "Gul replies to Farah.", replyTo: 0 },
    ]);
    const [, earlierId, replyId] = thread.ids as [number, number, number];
    await withDatabase(async (client) => {
      await client.query(`UPDATE comment SET status = 'HIDDEN', version = 1, "decidedAt" = now() WHERE id = $1`, [earlierId]);
      await client.query(`INSERT INTO decision ("commentId", action, "fromStatus", "toStatus", reason) VALUES ($1, 'HIDE', 'PENDING', 'HIDDEN', 'ABUSIVE')`, [earlierId]);
    });
    await signIn(page, "moderator");
    await openQueue(page, `tab=pending&article=${thread.articleId}`);
    const card = page.locator(`[data-testid="comment-card"][data-comment-id="${replyId}"]`);
    await expect(card.getByTestId("comment-parent"), "the card quotes the parent, shortened").not.toContainText("THE-PARENT-END");

    const context = card.getByRole("button", { name: "Context" });
    await context.hover();
    await context.click();
    await expect(context).toHaveAttribute("aria-expanded", "true");
    const panel = card.getByTestId("context-panel");
    await expect(panel.getByTestId("context-parent")).toContainText("THE-PARENT-END");
    await expect(panel.getByRole("link", { name: thread.title })).toBeVisible();
    const earlier = panel.getByTestId("context-author-comment").filter({ hasText: "An earlier comment by Gul" });
    await expect(earlier).toContainText("hidden (abusive)");
    expect(new URL(page.url()).pathname, "still in the queue").toBe("/queue");

    await page.keyboard.press("c");
    await expect(panel).toHaveCount(0);
    await page.keyboard.press("c");
    await expect(card.getByTestId("context-parent")).toContainText("THE-PARENT-END");

    // Typing in a field is text, not shortcuts: "a" in the search box approves nothing.
    await page.getByLabel("Search").click();
    await page.getByLabel("Search").pressSequentially("a c h 1");
    await expect(card).toHaveAttribute("data-status", "PENDING");
    await expect(card.getByTestId("context-panel")).toHaveCount(1);
    expect(await decisionCount(replyId)).toBe(0);
  });
});

test("with a mouse, a note on a card like n does; offline, the note says it was not saved and keeps the text", async ({ page, context }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const thread = await seedArticle([{ author: "Hamid", body: "A comment worth a note." }]);
  await signIn(page, "moderator");
  await openQueue(page, `tab=pending&article=${thread.articleId}`);
  const card = page.getByTestId("comment-card").first();
  await card.getByRole("button", { name: "Note" }).click();
  const form = card.getByTestId("card-note-form");
  await form.getByLabel("Add an internal note").fill("Check the earlier thread first.");
  await context.setOffline(true);
  await form.getByRole("button", { name: "Save note" }).click();
  await expect(form).toContainText("the note was not saved");
  await expect(form.getByLabel("Add an internal note")).toHaveValue("Check the earlier thread first.");
  await context.setOffline(false);
  await form.getByRole("button", { name: "Save note" }).click();
  await expect(card.getByTestId("card-latest-note")).toHaveText("Check the earlier thread first.");

  // The list of keys opens with the mouse too.
  await page.getByRole("button", { name: "Keyboard shortcuts (?)" }).click();
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toContainText("show or hide the context");
});

test("reverting offline on a comment's page says Moddesk could not be reached, and the page stays; online it reverts", async ({ page, context }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const thread = await seedArticle([{ author: "Iqbal", body: "Hidden, then reconsidered." }]);
  const commentId = thread.ids[0]!;
  await signIn(page, "moderator");
  await openQueue(page, `tab=pending&article=${thread.articleId}`);
  const card = page.getByTestId("comment-card").first();
  await card.getByRole("button", { name: "Hide…" }).click();
  await card.getByRole("button", { name: "4 spam" }).click();
  await expect(card).toHaveAttribute("data-status", "HIDDEN");

  await page.goto(`/comments/${commentId}`);
  const revert = page.getByRole("button", { name: "Revert the latest decision (hide)" });
  await context.setOffline(true);
  await revert.click();
  await expect(page.getByTestId("revert-message")).toHaveText("Moddesk could not be reached: check the connection and try again.");
  await context.setOffline(false);
  await revert.click();
  await expect(page.getByTestId("revert-message")).toHaveText("Reverted: now pending.");
  expect(await decisionCount(commentId)).toBe(2);
});
