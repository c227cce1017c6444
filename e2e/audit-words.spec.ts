import { credentials, signIn } from "./support/fixtures";
import { seedArticle } from "./support/seed";
import { expect, test } from "./support/test";

// Words, not codes: the audit log reads as sentences, the queue explains its marks, and admins
// verify the chain with a button.

test("a hide reads as a sentence in the audit log, and an admin verifies the chain from the page", async ({ page, openPage }) => {
  const thread = await seedArticle([{ author: "Tariq", body: "Flagged and rude.", isFlagged: true }], { titlePrefix: "Words" });
  await signIn(page, "moderator");
  await page.goto(`/queue?tab=pending&article=${thread.articleId}`);
  await expect(page.getByTestId("queue-board")).toHaveAttribute("data-hydrated", "true");
  const flag = page.getByTestId("comment-card").first().getByRole("list", { name: "Flags" }).getByRole("listitem").first();
  await expect(flag).toHaveAttribute("data-category", "ABUSIVE");
  await expect(flag).toContainText("abusive");

  await page.getByTestId("queue-legend").getByText("What do held, priority").click();
  await expect(page.getByTestId("queue-legend")).toContainText("held");
  await expect(page.getByTestId("queue-legend").getByTestId("hidden-meaning")).toContainText("/api/v1/decisions");

  await page.getByTestId("comment-card").first().getByRole("button", { name: "Hide…" }).click();
  await page.getByRole("button", { name: "3 abusive" }).click();
  await expect(page.getByTestId("comment-card").first()).toHaveAttribute("data-status", "HIDDEN");

  const admin = await openPage();
  await signIn(admin, "admin");
  await admin.goto("/audit?action=comment.hide");
  const newest = admin.getByTestId("audit-table").locator("tbody > tr").first();
  await expect(newest.getByTestId("audit-sentence")).toHaveText(`${credentials().moderator.email} hid a comment (abusive)`);
  await expect(newest).toContainText(`comment #${thread.ids[0]}`);
  await admin.getByRole("button", { name: "Verify the chain" }).click();
  await expect(admin.getByTestId("audit-verify-result")).toContainText(/Intact: all [\d,]+ events check out/);

  // Moderators see the log but not the button (verifying is an admin's task).
  await page.goto("/audit");
  await expect(page.getByRole("button", { name: "Verify the chain" })).toHaveCount(0);
});
