import { writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { credentials, signIn } from "./support/fixtures";
import { seedArticle, withDatabase } from "./support/seed";

// Issue 15's remainders: notes on the queue card, insights by decision time, the model sort only
// while the model is on, and an import by title alone that says which article it went to.

test("a note added with n shows on the card, count and latest text (as text), and stays after a reload", async ({ page }) => {
  const thread = await seedArticle([{ author: "Noted", body: "Needs a word from the desk." }], { titlePrefix: "Card notes" });
  const note = "<b>Desk</b>: leave it up, it quotes the minister";
  await signIn(page, "moderator");
  await page.goto(`/queue?tab=pending&article=${thread.articleId}`);
  await expect(page.getByTestId("queue-board")).toHaveAttribute("data-hydrated", "true");
  await page.keyboard.press("n");
  const card = page.locator(`[data-testid="comment-card"][data-comment-id="${thread.ids[0]}"]`);
  await expect(card.getByTestId("card-note-form")).toBeVisible();
  await page.keyboard.type(note);
  await card.getByRole("button", { name: "Save note" }).click();
  await expect(card.getByTestId("card-notes")).toContainText("1 internal note");
  await expect(card.getByTestId("card-latest-note")).toHaveText(note);

  await page.reload();
  await expect(card.getByTestId("card-notes")).toContainText(`1 internal note · latest by ${credentials().moderator.email}`);
  await expect(card.getByTestId("card-latest-note")).toHaveText(note);
  await expect(card.locator("b")).toHaveCount(0);
});

test("insights count today's decisions on an old thread today, and say which day each block goes by", async ({ page }) => {
  const thread = await seedArticle([{ author: "Archive", body: "From the 2015 archive." }], { titlePrefix: "Old thread" });
  await withDatabase((client) => client.query(`UPDATE comment SET "postedAt" = '2015-07-22 19:00' WHERE id = $1`, [thread.ids[0]]));
  await signIn(page, "admin");
  await page.goto(`/comments/${thread.ids[0]}`);
  await page.getByRole("button", { name: "Approve" }).first().click();
  await expect(page.getByTestId("comment-status").first()).toHaveText("approved");

  const today = new Date().toISOString().slice(0, 10);
  await page.goto(`/insights?from=${today}&to=${today}`);
  await expect(page.getByTestId("range-basis")).toContainText("by the day the decision was made");
  await expect(page.getByTestId("chart-latency")).not.toContainText("No decisions by moderators were made in this range.");
  await expect(page.getByTestId("chart-moderators")).toBeVisible();
});

test("the queue offers 'Most likely hidden first' only while the suggestion model is on", async ({ page }) => {
  const isOn = await withDatabase(async (client) => {
    const { rows } = await client.query<{ on: boolean }>(`SELECT "heldOutAccuracy" > "baselineAccuracy" AS on FROM suggestion_model ORDER BY "trainedAt" DESC LIMIT 1`);
    return rows[0]?.on ?? false;
  });
  await signIn(page, "moderator");
  await page.goto("/queue");
  const sort = page.getByRole("search", { name: "Filter the queue" }).getByLabel("Sort");
  await expect(sort.locator('option[value="suggestion"]')).toHaveCount(isOn ? 1 : 0);
});

test("an import naming its article by title alone says it went into the stored article with that title", async ({ page }, testInfo) => {
  const thread = await seedArticle([{ author: "First", body: "Already here." }], { titlePrefix: "By title" });
  const file = testInfo.outputPath("by-title.csv");
  writeFileSync(file, `article_title,comment_id,author,body,posted_at\n"${thread.title}",bt-${thread.stamp},reader,Loaded by title alone.,2015-07-23T13:43:00Z\n`);
  await signIn(page, "admin");
  await page.goto("/imports");
  await page.getByTestId("import-file").setInputFiles(file);
  await page.getByRole("button", { name: "Import" }).click();
  const status = page.getByTestId("import-status");
  await expect(status).toContainText("1 added");
  await expect(status).toContainText(`matched the existing article '${thread.title}' (#${thread.articleId})`);
  const articles = await withDatabase(async (client) => (await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM article WHERE title = $1`, [thread.title])).rows[0]!.count);
  expect(articles).toBe(1);
});
