import { expect, test } from "@playwright/test";
import { signIn } from "./support/fixtures";
import { seedArticle, withDatabase } from "./support/seed";

// A session ends 12 hours after sign-in, mid-shift if need be (docs/security-auth.md). A decision
// made after that is not saved; it used to be dropped with "Sign in again", so signing in meant
// leaving the queue and deciding that comment over again. It is now kept for Retry.

test("a decision refused because the session ended is kept for Retry after signing in again in another tab", async ({ page }) => {
  const thread = await seedArticle([{ author: "LateShift", body: "The budget speech ran for two hours and said little about prices." }], { titlePrefix: "Expiry" });
  await signIn(page, "moderator");
  await page.goto(`/queue?tab=pending&article=${thread.articleId}`);
  await expect(page.getByTestId("queue-board")).toHaveAttribute("data-hydrated", "true");

  // End this browser's session only (the moderator account is shared with other tests).
  const cookie = (await page.context().cookies()).find((candidate) => candidate.name.includes("session_token"));
  const token = decodeURIComponent(cookie!.value).split(".")[0]!;
  const ended = await withDatabase((client) => client.query(`UPDATE session SET "expiresAt" = now() - interval '1 second' WHERE token = $1`, [token]));
  expect(ended.rowCount).toBe(1);

  const card = page.getByTestId("comment-card").first();
  await card.getByRole("button", { name: "Approve" }).click();
  const retry = page.getByTestId("retry-toast");
  await expect(retry).toContainText("Your session has ended");
  const statusOf = () => withDatabase(async (client) => (await client.query<{ status: string }>(`SELECT status FROM comment WHERE id = $1`, [thread.ids[0]])).rows[0]!.status);
  expect(await statusOf()).toBe("PENDING");

  const signInTab = await page.context().newPage();
  await signIn(signInTab, "moderator");
  await signInTab.close();

  await retry.getByRole("button", { name: "Retry" }).click();
  await expect(card).toHaveAttribute("data-status", "APPROVED");
  expect(await statusOf()).toBe("APPROVED");
});
