import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { signIn } from "./support/fixtures";
import { seedArticle, withDatabase } from "./support/seed";

// A community editor's day, round 8: the end of a page of 50 (a phone's thumb and a desk's keys
// used to stop there), why readers reported a comment read on its card, and a flag's rule opened
// with the flagged comment on its test bench.

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const DESK = { viewport: { width: 1440, height: 900 } };
const card = (page: Page, id: number) => page.locator(`[data-testid="comment-card"][data-comment-id="${id}"]`);

async function seedPageAndOneMore(prefix: string) {
  return seedArticle(Array.from({ length: 51 }, (_, index) => ({ author: `${prefix}${index}`, body: `Comment ${index} about the new bus lanes.` })), { titlePrefix: prefix });
}

test("on a phone, deciding the last comment of a page brings Next page up, focused, and one tap goes on", async ({ openPage }) => {
  const thread = await seedPageAndOneMore("PageEnd");
  const page = await openPage(PHONE);
  await signIn(page, "moderator");
  await page.goto(`/queue?tab=pending&article=${thread.articleId}`);
  await expect(page.getByTestId("queue-board")).toHaveAttribute("data-hydrated", "true");
  await expect(page.getByTestId("comment-card")).toHaveCount(50);
  await page.getByTestId("bulk-toolbar").getByRole("button", { name: "Select all on this page" }).tap();
  await page.getByTestId("selection-bar").getByRole("button", { name: "Approve 50" }).tap();
  await expect(page.getByTestId("queue-page-end-notice")).toHaveText("Nothing left to decide on this page.");
  const next = page.getByTestId("queue-next-page");
  await expect(next).toBeFocused();
  await expect(next).toBeInViewport();
  expect((await next.boundingBox())?.height).toBeGreaterThanOrEqual(44);
  await next.tap();
  await expect(page).toHaveURL(/after=/);
  await expect(page.getByTestId("comment-card")).toHaveCount(1);
  await expect(page.getByTestId("comment-card").first()).toContainText("Comment 50 about the new bus lanes.");
});

test("at a desk, the page's last comment decided says how many were skipped above, and Enter opens the next page", async ({ openPage }) => {
  const thread = await seedPageAndOneMore("DeskEnd");
  const page = await openPage(DESK);
  await signIn(page, "moderator");
  await page.goto(`/queue?tab=pending&article=${thread.articleId}`);
  await expect(page.getByTestId("queue-board")).toHaveAttribute("data-hydrated", "true");
  // Deciding one in the middle is not the end: focus moves to the next comment as before.
  await card(page, thread.ids[10]!).getByRole("button", { name: "Approve" }).click();
  await expect(card(page, thread.ids[11]!)).toBeFocused();
  await expect(page.getByTestId("queue-page-end-notice")).toHaveCount(0);
  await card(page, thread.ids[49]!).getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("queue-page-end-notice")).toHaveText("Nothing left to decide below; 48 comments above still to decide.");
  await expect(page.getByTestId("queue-next-page")).toBeFocused();
  // Undo puts the comment back, and the page is not finished any more.
  await page.keyboard.press("u");
  await expect(card(page, thread.ids[49]!)).toHaveAttribute("data-status", "PENDING");
  await expect(page.getByTestId("queue-page-end-notice")).toHaveCount(0);
  await expect(card(page, thread.ids[49]!)).toBeFocused();
  await page.keyboard.press("a");
  await expect(page.getByTestId("queue-next-page")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/after=/);
  await expect(card(page, thread.ids[50]!)).toBeVisible();
});

test("a reported comment's card says in the readers' words why they reported it, as text", async ({ openPage }) => {
  const thread = await seedArticle([{ author: "Reported reader", body: "You people never learn, do you." }], { titlePrefix: "Reports" });
  const id = thread.ids[0]!;
  await withDatabase(async (client) => {
    await client.query(
      `INSERT INTO reader_report ("commentId", reason, note, count, "reporterKey", source, "receivedAt") VALUES
         ($1, 'SPAM', 'An older note about links.', 1, $2::text || ':one', 'api', now() - interval '2 hours'),
         ($1, 'ABUSIVE', 'He threatens people from my town <b>every day</b>.', 1, $2::text || ':two', 'api', now() - interval '5 minutes'),
         ($1, 'ABUSIVE', NULL, 4, 'anonymous:api', 'api', now())`,
      [id, `e2e:${thread.stamp}`],
    );
    await client.query(`UPDATE comment SET "reportCount" = 6, "reportPriority" = 30, priority = 30 WHERE id = $1`, [id]);
  });
  const page = await openPage(PHONE);
  await signIn(page, "moderator");
  await page.goto(`/queue?tab=reported&article=${thread.articleId}`);
  const reports = card(page, id).getByTestId("card-reports");
  await expect(reports).toContainText("Reported 6× (abusive ×5, spam)");
  await expect(reports).toContainText("the latest of 2 readers' notes (abusive):");
  // Untrusted: the markup is shown as the reader typed it, never rendered.
  await expect(card(page, id).getByTestId("card-reader-note")).toHaveText("“He threatens people from my town <b>every day</b>.”");
  await expect(card(page, id).locator("b")).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});

test("a flag's rule opens with the flagged comment on its test bench: what matched, and whether an edit still matches", async ({ openPage }) => {
  const thread = await seedArticle([{ author: "Bench reader", body: "Honestly, you are stupid if you believe the minister." }], { titlePrefix: "Bench" });
  const id = thread.ids[0]!;
  const ruleId = await withDatabase(async (client) => {
    const rule = (await client.query<{ id: number }>(`SELECT id FROM rule WHERE name = 'abusive-personal-insult'`)).rows[0]!.id;
    await client.query(`INSERT INTO flag ("commentId", "ruleId", "ruleVersion", category, score, spans, reason) VALUES ($1, $2, 1, 'ABUSIVE', 0.67, '[[18, 24]]', 'seeded: ''stupid'' near ''you''')`, [id, rule]);
    await client.query(`UPDATE comment SET "flagCategories" = '{ABUSIVE}', priority = 20 WHERE id = $1`, [id]);
    return rule;
  });

  // A moderator on a phone: the rule's name on the card is a thumb-sized link; the bench comes first.
  const phone = await openPage(PHONE);
  await signIn(phone, "moderator");
  await phone.goto(`/queue?tab=flagged&article=${thread.articleId}`);
  const link = card(phone, id).getByTestId("flag-rule-link");
  await expect(link).toHaveText("abusive-personal-insult");
  expect((await link.boundingBox())?.height).toBeGreaterThanOrEqual(44);
  await link.tap();
  await expect(phone).toHaveURL(new RegExp(`/rules/${ruleId}/edit\\?comment=${id}$`));
  await expect(phone.getByTestId("bench-comment")).toContainText(`comment #${id} by Bench reader`);
  await expect(phone.getByRole("textbox", { name: "Test text" })).toHaveValue("Honestly, you are stupid if you believe the minister.");
  await expect(phone.getByTestId("bench-reason")).toContainText("'stupid' near 'you'");
  const benchTop = (await phone.getByTestId("bench-comment").boundingBox())!.y;
  const formTop = (await phone.getByRole("form", { name: "Rule" }).boundingBox())!.y;
  expect(benchTop).toBeLessThan(formTop);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // An admin at a desk, from the comment's page: an edit of the rule is tried on the comment as typed (not saved here).
  const desk = await openPage(DESK);
  await signIn(desk, "admin");
  await desk.goto(`/comments/${id}`);
  await desk.getByRole("region", { name: "Flags" }).getByRole("link", { name: "abusive-personal-insult" }).click();
  await expect(desk).toHaveURL(new RegExp(`/rules/${ruleId}/edit\\?comment=${id}$`));
  await expect(desk.getByTestId("bench-highlight").locator("mark", { hasText: "stupid" })).toHaveCount(1);
  await desk.getByRole("textbox", { name: "Second terms" }).fill("dumb\npathetic");
  await expect(desk.getByTestId("bench-result")).toContainText("No match.");
});

test("Back from an author's page returns the focus to the comment the moderator was on, so the next key decides it", async ({ openPage }) => {
  const thread = await seedArticle(Array.from({ length: 8 }, (_, index) => ({ author: `Placed${index}`, body: `A view on the flyover, number ${index}.` })), { titlePrefix: "Place" });
  const page = await openPage(DESK);
  await signIn(page, "moderator");
  await page.goto(`/queue?tab=pending&article=${thread.articleId}`);
  await expect(page.getByTestId("queue-board")).toHaveAttribute("data-hydrated", "true");
  for (let step = 0; step < 3; step++) await page.keyboard.press("j");
  await page.keyboard.press("a");
  await expect(card(page, thread.ids[4]!)).toBeFocused();
  // The author's record, then the browser's Back.
  await card(page, thread.ids[4]!).getByTestId("comment-author").click();
  await expect(page).toHaveURL(/\/authors\/Placed4$/);
  await page.goBack();
  await expect(page.getByTestId("queue-board")).toHaveAttribute("data-hydrated", "true");
  await expect(card(page, thread.ids[4]!)).toBeFocused();
  await expect(card(page, thread.ids[3]!)).toHaveAttribute("data-status", "APPROVED");
  // The first card was never looked at: `a` now decides the one on screen.
  await page.keyboard.press("a");
  await expect(card(page, thread.ids[4]!)).toHaveAttribute("data-status", "APPROVED");
  const statuses = await withDatabase(async (client) => (await client.query<{ id: number; status: string }>(`SELECT id, status FROM comment WHERE id = ANY($1) ORDER BY id`, [[thread.ids[0], thread.ids[4]]])).rows.map((row) => row.status));
  expect(statuses).toEqual(["PENDING", "APPROVED"]);
});

test("an author's page shows only their hidden comments in one tap, with the counts of each status as the way there", async ({ openPage }) => {
  const thread = await seedArticle([{ author: "Filtered", body: "The first, hidden." }, { author: "Filtered", body: "The second, approved." }, { author: "Filtered", body: "The third, pending." }], { titlePrefix: "Author filter" });
  const author = `Filtered ${thread.stamp}`;
  await withDatabase(async (client) => {
    await client.query(`UPDATE comment SET "authorName" = $1 WHERE id = ANY($2)`, [author, thread.ids]);
    await client.query(`UPDATE comment SET status = 'HIDDEN', "decidedAt" = now() WHERE id = $1`, [thread.ids[0]]);
    await client.query(`UPDATE comment SET status = 'APPROVED', "decidedAt" = now() WHERE id = $1`, [thread.ids[1]]);
  });
  const page = await openPage(PHONE);
  await signIn(page, "moderator");
  await page.goto(`/queue?tab=pending&article=${thread.articleId}`);
  await card(page, thread.ids[2]!).getByTestId("comment-author").tap();
  const filter = page.getByTestId("author-status-filter");
  await expect(filter.getByRole("link")).toHaveText(["All 3", "Pending 1", "Approved 1", "Hidden 1"]);
  await expect(filter.getByRole("link", { name: "All 3" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("comment-card")).toHaveCount(3);
  const hidden = filter.getByRole("link", { name: "Hidden 1" });
  expect((await hidden.boundingBox())?.height).toBeGreaterThanOrEqual(44);
  await hidden.tap();
  await expect(page).toHaveURL(/\?status=hidden$/);
  await expect(page.getByRole("heading", { name: "Hidden comments" })).toBeVisible();
  await expect(page.getByTestId("comment-card")).toHaveCount(1);
  await expect(card(page, thread.ids[0]!)).toHaveAttribute("data-status", "HIDDEN");
  await expect(filter.getByRole("link", { name: "Hidden 1" })).toHaveAttribute("aria-current", "page");
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await filter.getByRole("link", { name: "All 3" }).tap();
  await expect(page.getByTestId("comment-card")).toHaveCount(3);
});
