import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/fixtures";
import { seedArticle, withDatabase } from "./support/seed";

// After a decision the moderator's next tap or key lands on the next comment to decide, whichever
// way they decided: a tap on a phone, a click on a desk, the keys. Found walking 4,000 comments on
// a phone: a tapped Approve left focus on <body> and the next comment a screen below.

async function openQueue(page: Page, query: string) {
  await page.goto(`/queue?${query}`);
  await expect(page.getByTestId("queue-board")).toHaveAttribute("data-hydrated", "true");
}

const statusesOf = (ids: number[]) => withDatabase(async (client) => (await client.query<{ status: string }>(`SELECT status FROM comment WHERE id = ANY($1) ORDER BY id`, [ids])).rows.map((row) => row.status));
// A long comment makes a tall card: the next one starts below the first screen of a phone.
const long = (word: string) => Array.from({ length: 60 }, (_, index) => `${word} ${index}`).join(" ");

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("a tapped Approve or Hide brings the next comment up with focus, its Approve on screen", async ({ page }) => {
    const thread = await seedArticle([{ author: "Tall1", body: long("first") }, { author: "Tall2", body: long("second") }, { author: "Tall3", body: long("third") }], { titlePrefix: "Thumb" });
    await signIn(page, "moderator");
    await openQueue(page, `tab=pending&article=${thread.articleId}`);
    const cards = page.getByTestId("comment-card");

    await cards.nth(0).getByRole("button", { name: "Approve" }).tap();
    await expect(cards.nth(0)).toHaveAttribute("data-status", "APPROVED");
    await expect(cards.nth(1)).toBeFocused();
    await expect(cards.nth(1).getByRole("button", { name: "Approve" })).toBeInViewport();

    await cards.nth(1).getByRole("button", { name: "Hide…" }).tap();
    await cards.nth(1).getByRole("button", { name: "4 spam" }).tap();
    await expect(cards.nth(1)).toHaveAttribute("data-status", "HIDDEN");
    await expect(cards.nth(2)).toBeFocused();
    await expect(cards.nth(2).getByRole("button", { name: "Approve" })).toBeInViewport();
    expect(await statusesOf(thread.ids)).toEqual(["APPROVED", "HIDDEN", "PENDING"]);
  });
});

test("a click on Approve moves focus on, so the next key decides the next comment", async ({ page }) => {
  const thread = await seedArticle([{ author: "M1", body: "Clicked." }, { author: "M2", body: "Then a key." }, { author: "M3", body: "Untouched." }], { titlePrefix: "Mouse then keys" });
  await signIn(page, "moderator");
  await openQueue(page, `tab=pending&article=${thread.articleId}`);
  const cards = page.getByTestId("comment-card");
  await cards.nth(0).getByRole("button", { name: "Approve" }).click();
  await expect(cards.nth(1)).toBeFocused();
  await page.keyboard.press("a");
  await expect(cards.nth(1)).toHaveAttribute("data-status", "APPROVED");
  expect(await statusesOf(thread.ids)).toEqual(["APPROVED", "APPROVED", "PENDING"]);
});

test("Hide… takes the keyboard along: focus on the first reason, a digit picks one, Esc closes it", async ({ page }) => {
  const thread = await seedArticle([{ author: "K1", body: "Picked by a digit." }, { author: "K2", body: "Next." }], { titlePrefix: "Picker keys" });
  await signIn(page, "moderator");
  await openQueue(page, `tab=pending&article=${thread.articleId}`);
  const cards = page.getByTestId("comment-card");
  const first = cards.nth(0);

  await first.getByRole("button", { name: "Hide…" }).click();
  await expect(first.getByRole("button", { name: "1 off-topic" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(first.getByRole("group", { name: "Hide with a reason" })).toBeHidden();
  await expect(first).toBeFocused();

  await first.getByRole("button", { name: "Hide…" }).click();
  await page.keyboard.press("3");
  await expect(first).toHaveAttribute("data-status", "HIDDEN");
  await expect(first.getByTestId("comment-decision")).toContainText("(abusive)");
  await expect(cards.nth(1)).toBeFocused();
  expect(await statusesOf(thread.ids)).toEqual(["HIDDEN", "PENDING"]);
});

test("while Hide… has focus, the queue's keys do not act on another card: a digit hides the picker's card once", async ({ page }) => {
  const thread = await seedArticle([{ author: "P1", body: "Picked with the mouse." }, { author: "P2", body: "Where the keyboard was." }, { author: "P3", body: "Left alone." }], { titlePrefix: "Picker only" });
  await signIn(page, "moderator");
  await openQueue(page, `tab=pending&article=${thread.articleId}`);
  const cards = page.getByTestId("comment-card");

  // The keyboard is on the second card and has started a hide (h); the mouse opens the first card's picker.
  await page.keyboard.press("j");
  await page.keyboard.press("h");
  await cards.nth(0).getByRole("button", { name: "Hide…" }).click();
  await expect(cards.nth(0).getByRole("button", { name: "1 off-topic" })).toBeFocused();
  await page.keyboard.press("2");
  await expect(cards.nth(0)).toHaveAttribute("data-status", "HIDDEN");
  await expect(cards.nth(1)).toBeFocused();

  // And 'a' typed in a picker approves nothing.
  await cards.nth(2).getByRole("button", { name: "Hide…" }).click();
  await expect(cards.nth(2).getByRole("button", { name: "1 off-topic" })).toBeFocused();
  await page.keyboard.press("a");
  await page.keyboard.press("Escape");
  await expect(cards.nth(2).getByRole("group", { name: "Hide with a reason" })).toBeHidden();
  expect(await statusesOf(thread.ids)).toEqual(["HIDDEN", "PENDING", "PENDING"]);
});

test("after a decision, focus skips the comment a colleague decided meanwhile", async ({ page, browser }) => {
  const thread = await seedArticle([{ author: "C1", body: "Mine." }, { author: "C2", body: "My colleague's." }, { author: "C3", body: "Still to decide." }], { titlePrefix: "Colleague" });
  await signIn(page, "moderator");
  await openQueue(page, `tab=pending&article=${thread.articleId}`);

  const colleague = await browser.newContext();
  try {
    const other = await colleague.newPage();
    await signIn(other, "moderator2");
    await openQueue(other, `tab=pending&article=${thread.articleId}`);
    await other.getByTestId("comment-card").nth(1).getByRole("button", { name: "Approve" }).click();
    await expect(other.getByTestId("comment-card").nth(1)).toHaveAttribute("data-status", "APPROVED");
  } finally {
    await colleague.close();
  }

  const cards = page.getByTestId("comment-card");
  // The open queue hears of it through the live feed.
  await expect(cards.nth(1).getByTestId("comment-remark")).toContainText("approved this comment");
  await cards.nth(0).focus();
  await page.keyboard.press("a");
  await expect(cards.nth(0)).toHaveAttribute("data-status", "APPROVED");
  await expect(cards.nth(2)).toBeFocused();
  await page.keyboard.press("h");
  await page.keyboard.press("4");
  await expect(cards.nth(2)).toHaveAttribute("data-status", "HIDDEN");
  expect(await statusesOf(thread.ids)).toEqual(["APPROVED", "APPROVED", "HIDDEN"]);
});

test("Esc gives the keys back: the list of keys and an empty note close onto the comment; a note with text is kept", async ({ page }) => {
  const thread = await seedArticle([{ author: "E1", body: "Escaped." }, { author: "E2", body: "Next." }], { titlePrefix: "Escape" });
  await signIn(page, "moderator");
  await openQueue(page, `tab=pending&article=${thread.articleId}`);
  const first = page.getByTestId("comment-card").first();
  await first.focus();

  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(first).toBeFocused();

  await page.keyboard.press("n");
  await expect(first.getByTestId("card-note-form").getByRole("textbox")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(first.getByTestId("card-note-form")).toBeHidden();
  await expect(first).toBeFocused();

  await page.keyboard.press("n");
  await page.keyboard.type("half a thought");
  await page.keyboard.press("Escape");
  await expect(first).toBeFocused();
  await expect(first.getByTestId("card-note-form").getByRole("textbox")).toHaveValue("half a thought");
  await page.keyboard.press("a");
  await expect(first).toHaveAttribute("data-status", "APPROVED");
  expect(await statusesOf(thread.ids)).toEqual(["APPROVED", "PENDING"]);
});
