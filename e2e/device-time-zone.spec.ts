import { expect, test } from "@playwright/test";
import { credentials, signIn } from "./support/fixtures";
import { seedArticle, withDatabase } from "./support/seed";

// A moderator in Karachi on a desk that shows the server's zone (UTC by default) takes their own
// zone from the account page in one click, without knowing its IANA name.

test.use({ timezoneId: "Asia/Karachi" });

const ownZone = async () =>
  withDatabase(async (client) => (await client.query<{ timeZone: string | null }>(`SELECT "timeZone" FROM "user" WHERE email = $1`, [credentials().moderator2.email])).rows[0]?.timeZone ?? null);

test.afterEach(async () => {
  await withDatabase(async (client) => {
    await client.query(`UPDATE "user" SET "timeZone" = NULL WHERE email = $1`, [credentials().moderator2.email]);
    await client.query(`DELETE FROM setting WHERE key = 'timeZone'`);
  });
});

test("Your account offers this device's zone when the dashboard shows another, and the queue follows it", async ({ page }) => {
  const thread = await seedArticle([{ author: "Zara", body: "Posted at noon UTC." }]);
  await withDatabase((client) => client.query(`UPDATE comment SET "postedAt" = '2026-12-05 12:00:00' WHERE id = $1`, [thread.ids[0]]));
  await withDatabase((client) => client.query(`INSERT INTO setting (key, value, "updatedAt") VALUES ('timeZone', 'UTC', now()) ON CONFLICT (key) DO UPDATE SET value = 'UTC'`));
  await signIn(page, "moderator2");
  await page.goto("/account");
  const offer = page.getByTestId("device-time-zone");
  await expect(offer).toContainText("This device is in Asia/Karachi.");
  await offer.getByRole("button", { name: "Use Asia/Karachi" }).click();
  await expect(page.getByTestId("time-zone-result-own")).toHaveText("Saved: times now show in Asia/Karachi.");
  await expect(offer).toBeHidden();
  expect(await ownZone()).toBe("Asia/Karachi");

  await page.goto(`/queue?tab=pending&article=${thread.articleId}`);
  await expect(page.getByTestId("comment-card").first().locator("time").first()).toHaveText("5 Dec 2026, 17:00 GMT+5");
});
