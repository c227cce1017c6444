import { expect, test } from "@playwright/test";
import { credentials, signIn } from "./support/fixtures";
import { seedArticle, withDatabase } from "./support/seed";

// A session ends 12 hours after sign-in, mid-shift if need be (docs/security-auth.md). The next
// decision is not saved and the queue tab goes to the sign-in page; signing in there brings the
// moderator back to the same tab and filters (it was the bare /queue: the article filter was lost).

test("a decision after the session ended saves nothing, and signing in again comes back to the same queue", async ({ page }) => {
  const thread = await seedArticle([{ author: "LateShift", body: "The budget speech ran for two hours and said little about prices." }], { titlePrefix: "Expiry" });
  await signIn(page, "moderator");
  const queueUrl = `/queue?tab=pending&article=${thread.articleId}`;
  await page.goto(queueUrl);
  await expect(page.getByTestId("queue-board")).toHaveAttribute("data-hydrated", "true");

  // End this browser's session only (the moderator account is shared with other tests).
  const cookie = (await page.context().cookies()).find((candidate) => candidate.name.includes("session_token"));
  const token = decodeURIComponent(cookie!.value).split(".")[0]!;
  const ended = await withDatabase((client) => client.query(`UPDATE session SET "expiresAt" = now() - interval '1 second' WHERE token = $1`, [token]));
  expect(ended.rowCount).toBe(1);
  const statusOf = () => withDatabase(async (client) => (await client.query<{ status: string }>(`SELECT status FROM comment WHERE id = $1`, [thread.ids[0]])).rows[0]!.status);

  await page.getByTestId("comment-card").first().getByRole("button", { name: "Approve" }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  expect(new URL(page.url()).searchParams.get("next")).toBe(queueUrl);
  expect(await statusOf()).toBe("PENDING");

  const { email, password } = credentials().moderator;
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${queueUrl.replace("?", "\\?")}$`));
  await expect(page.getByTestId("queue-board")).toHaveAttribute("data-hydrated", "true");
  const card = page.getByTestId("comment-card").first();
  await expect(card).toHaveAttribute("data-status", "PENDING");
  await card.getByRole("button", { name: "Approve" }).click();
  await expect(card).toHaveAttribute("data-status", "APPROVED");
  expect(await statusOf()).toBe("APPROVED");
});

test("an open queue whose session ended says so within a poll, and stays on the page so nothing typed is lost", async ({ page }) => {
  const thread = await seedArticle([{ author: "QuietTab", body: "Exam results were announced late again this year." }], { titlePrefix: "Expiry banner" });
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "moderator");
  const queueUrl = `/queue?tab=pending&article=${thread.articleId}`;
  await page.goto(queueUrl);
  await expect(page.getByTestId("queue-board")).toHaveAttribute("data-hydrated", "true");
  await expect(page.getByTestId("session-ended")).toHaveCount(0);

  const cookie = (await page.context().cookies()).find((candidate) => candidate.name.includes("session_token"));
  const token = decodeURIComponent(cookie!.value).split(".")[0]!;
  await withDatabase((client) => client.query(`UPDATE session SET "expiresAt" = now() - interval '1 second' WHERE token = $1`, [token]));

  // The queue polls every 4 s: the next poll is refused and the board says the session ended.
  const banner = page.getByTestId("session-ended");
  await expect(banner).toBeVisible({ timeout: 15_000 });
  await expect(page).toHaveURL(new RegExp(`${queueUrl.replace("?", "\\?")}$`));
  // On a phone the notice fits: no sideways scroll.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const href = await banner.getByRole("link", { name: "Sign in again" }).getAttribute("href");
  expect(new URL(href!, "http://moddesk.test").searchParams.get("next")).toBe(queueUrl);
});
