import { expect, test } from "@playwright/test";
import { signIn } from "./support/fixtures";
import { seedArticle, withDatabase } from "./support/seed";

// A Karachi thread published at midnight local time reads as 23 July in Karachi, not 22 July 19:00 UTC.

test.afterAll(async () => {
  // Back to the server's zone, so the other specs read the times they expect.
  await withDatabase((client) => client.query(`DELETE FROM setting WHERE key = 'timeZone'`));
});

test("the desk's time zone, a user's own zone, and the Imports page's UTC offset", async ({ page }) => {
  const thread = await seedArticle([{ author: "Hina", body: "Posted from Karachi." }], { publishedAt: "2015-07-22T19:00:00Z", titlePrefix: "Karachi" });
  await signIn(page, "admin");
  await page.goto("/users");
  const desk = page.getByRole("form", { name: "The desk's time zone" });
  await desk.getByLabel(/Time zone/).fill("Asia/Karachi");
  await desk.getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByTestId("time-zone-result-desk")).toContainText("Asia/Karachi");

  await page.goto(`/articles/${thread.articleId}`);
  await expect(page.getByText("Published 23 Jul 2015, 00:00 GMT+5")).toBeVisible();

  // Insights counts the desk's days from the change on (re-counting what it had stored).
  await page.goto("/insights");
  await expect(page.getByTestId("range-label")).toContainText("(days in Asia/Karachi, the desk's time zone)");

  await page.goto("/account");
  const own = page.getByRole("form", { name: "Your time zone" });
  await own.getByLabel(/Time zone/).fill("UTC");
  await own.getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByTestId("time-zone-result-own")).toContainText("UTC");
  await page.goto(`/articles/${thread.articleId}`);
  await expect(page.getByText("Published 22 Jul 2015, 19:00 UTC")).toBeVisible();

  await page.goto("/account");
  await page.getByRole("form", { name: "Your time zone" }).getByLabel(/Time zone/).fill("Mars/Olympus");
  await page.getByRole("form", { name: "Your time zone" }).getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByTestId("time-zone-result-own")).toContainText("not a time zone this server knows");
  await page.getByRole("form", { name: "Your time zone" }).getByLabel(/Time zone/).fill("");
  await page.getByRole("form", { name: "Your time zone" }).getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByTestId("time-zone-result-own")).toContainText("the desk's zone (Asia/Karachi)");

  await page.goto("/imports");
  const offset = page.getByTestId("import-utc-offset");
  await expect(offset).toHaveValue("0");
  await offset.selectOption({ label: "UTC+05:00" });
  await expect(offset).toHaveValue("300");
});
