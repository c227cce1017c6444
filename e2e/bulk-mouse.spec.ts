import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/fixtures";
import { seedArticle, withDatabase } from "./support/seed";

// Bulk decisions with the mouse alone: the selection bar's buttons, "select all on this page", and
// "select all N matching this filter" as a background job with progress.

async function openQueue(page: Page, query: string) {
  await page.goto(`/queue?${query}`);
  await expect(page.getByTestId("queue-board")).toHaveAttribute("data-hydrated", "true");
}

const statusesOf = (ids: number[]) => withDatabase(async (client) => (await client.query<{ status: string }>(`SELECT status FROM comment WHERE id = ANY($1) ORDER BY id`, [ids])).rows.map((row) => row.status));

test("select some with the mouse, approve them, and focus moves on to the next comment", async ({ page }) => {
  const thread = await seedArticle([{ author: "A", body: "First" }, { author: "B", body: "Second" }, { author: "C", body: "Third" }], { titlePrefix: "Mouse" });
  await signIn(page, "moderator");
  await openQueue(page, `tab=pending&article=${thread.articleId}`);
  const cards = page.getByTestId("comment-card");
  await cards.nth(0).getByText("Select", { exact: true }).click();
  await cards.nth(1).getByText("Select", { exact: true }).click();
  const bar = page.getByTestId("selection-bar");
  await expect(bar).toContainText("2 selected");
  await bar.getByRole("button", { name: "Approve 2" }).click();
  await expect(page.getByTestId("queue-notice")).toContainText("Approved: 2 of 2 comments");
  await expect(cards.nth(2)).toHaveAttribute("data-focused", "true");
  await expect(cards.nth(2)).toBeFocused();
  expect(await statusesOf(thread.ids)).toEqual(["APPROVED", "APPROVED", "PENDING"]);
});

test("select all on this page and hide them with a reason from the selection bar", async ({ page }) => {
  const thread = await seedArticle([{ author: "S1", body: "Buy now" }, { author: "S2", body: "Cheap pills" }, { author: "S3", body: "Click here" }, { author: "S4", body: "Best deal" }], { titlePrefix: "Spam page" });
  await signIn(page, "moderator");
  await openQueue(page, `tab=pending&article=${thread.articleId}`);
  await page.getByTestId("bulk-toolbar").getByRole("button", { name: "Select all on this page" }).click();
  const bar = page.getByTestId("selection-bar");
  await expect(bar).toContainText("4 selected");
  await bar.getByRole("button", { name: "Hide 4…" }).click();
  await bar.getByRole("button", { name: "4 spam" }).click();
  await expect(page.getByTestId("queue-notice")).toContainText("Hidden (spam): 4 of 4 comments");
  expect(await statusesOf(thread.ids)).toEqual(["HIDDEN", "HIDDEN", "HIDDEN", "HIDDEN"]);
});

test("select all N matching this filter: confirmed, decided by a background job with progress, audited", async ({ page }) => {
  const thread = await seedArticle(
    Array.from({ length: 7 }, (_, index) => ({ author: `R${index}`, body: `Off-topic remark ${index}` })),
    { titlePrefix: "Matching" },
  );
  await signIn(page, "moderator");
  await openQueue(page, `tab=pending&article=${thread.articleId}`);
  await page.getByTestId("bulk-toolbar").getByRole("button", { name: "Select all matches, every page…" }).click();
  const panel = page.getByTestId("bulk-run-panel");
  await expect(panel.getByTestId("bulk-run-count")).toContainText("7 comments match");
  await panel.getByLabel("Reason").selectOption("OFF_TOPIC");
  await panel.getByRole("button", { name: "Hide all 7" }).click();
  await expect(panel.getByTestId("bulk-run-progress")).toContainText("Done: 7 of 7 done, 7 decided, 0 skipped", { timeout: 30_000 });
  expect(await statusesOf(thread.ids)).toEqual(Array(7).fill("HIDDEN"));
  const audited = await withDatabase(async (client) => (await client.query<{ action: string }>(`SELECT action FROM audit_event WHERE action LIKE 'comment.bulk_%' ORDER BY id DESC LIMIT 2`)).rows.map((row) => row.action));
  expect(audited).toEqual(["comment.bulk_finish", "comment.bulk_start"]);
});

test("a mistaken 'select all matches' is undone in the background, leaving what a colleague decided since", async ({ page }) => {
  const thread = await seedArticle(
    Array.from({ length: 6 }, (_, index) => ({ author: `U${index}`, body: `Fine remark ${index}` })),
    { titlePrefix: "Undo all" },
  );
  await signIn(page, "moderator");
  await openQueue(page, `tab=pending&article=${thread.articleId}`);
  await page.getByTestId("bulk-toolbar").getByRole("button", { name: "Select all matches, every page…" }).click();
  const panel = page.getByTestId("bulk-run-panel");
  await panel.getByRole("button", { name: "Hide all 6" }).click();
  await expect(panel.getByTestId("bulk-run-progress")).toContainText("Done: 6 of 6 done, 6 decided", { timeout: 30_000 });
  // Meanwhile a colleague approves one of them: their decision, which the undo must not take back.
  await withDatabase((client) => client.query(`UPDATE comment SET status = 'APPROVED', version = version + 1 WHERE id = $1`, [thread.ids[2]]));

  // Seen only once the page was reloaded: the queue still offers the run's undo.
  await page.reload();
  await expect(page.getByTestId("queue-board")).toHaveAttribute("data-hydrated", "true");
  const offer = page.getByTestId("last-bulk-run");
  await expect(offer).toContainText("hid 6 comments (spam).");
  await offer.getByRole("button", { name: "Undo all…" }).click();
  await expect(panel.getByTestId("bulk-run-undo-confirm")).toContainText("Put back the 6 comments this decided?");
  await panel.getByRole("button", { name: "Undo 6 decisions" }).click();
  await expect(panel.getByTestId("bulk-run-progress")).toContainText("Undone: 6 of 6 done, 5 put back, 1 left as they are (decided by someone since).", { timeout: 30_000 });
  expect(await statusesOf(thread.ids)).toEqual(["PENDING", "PENDING", "APPROVED", "PENDING", "PENDING", "PENDING"]);
  await expect(panel.getByRole("button", { name: /Undo all/ })).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("queue-board")).toHaveAttribute("data-hydrated", "true");
  await expect(page.getByTestId("last-bulk-run")).toHaveCount(0);
  const undoStart = await withDatabase(async (client) => (await client.query<{ details: { action: string; total: number } }>(`SELECT details FROM audit_event WHERE action = 'comment.bulk_start' ORDER BY id DESC LIMIT 1`)).rows[0]?.details);
  expect(undoStart).toMatchObject({ action: "UNDO", total: 6 });
});
