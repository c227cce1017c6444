import { randomBytes } from "node:crypto";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { credentials, signIn } from "./support/fixtures";

// Reader text is untrusted. These comments must reach the moderator as inert text.
const stamp = randomBytes(4).toString("hex");
const HOSTILE = [
  `xss-${stamp} <script>window.__pwned = 1; alert("script")</script>`,
  `img-${stamp} <img src=x onerror="window.__pwned = 2; alert('img')">`,
  `link-${stamp} <a href="javascript:window.__pwned=3">click me</a> javascript:alert(1)`,
  `bidi-${stamp} \u202Egnp.exe\u202C normal \u2067isolate\u2069 text`,
  `zw-${stamp} ${"\u200B".repeat(100_000)} end`,
  `marks-${stamp} Z${"\u0301".repeat(10_000)} end`,
];

test.beforeAll(async () => {
  const client = new pg.Client({ connectionString: credentials().databaseUrl });
  await client.connect();
  const article = await client.query<{ id: number }>(
    `INSERT INTO article (key, title, body, "publishedAt") VALUES ($1, $2, 'Hostile fixtures', (now() AT TIME ZONE 'UTC') + interval '1 day') RETURNING id`,
    [`e2e:hostile:${stamp}`, `Hostile input ${stamp}`],
  );
  for (const [index, body] of HOSTILE.entries()) {
    await client.query(
      `INSERT INTO comment ("articleId", source, "dedupeKey", "contentHash", "authorName", body, "postedAt", priority)
       VALUES ($1, 'e2e', $2, $2, $3, $4, now() AT TIME ZONE 'UTC', 90)`,
      [article.rows[0]?.id, `e2e:hostile:${stamp}:${index}`, `<b>author-${index}</b>`, body],
    );
  }
  await client.end();
});

test("script tags, event handlers, javascript: links, bidi overrides and Unicode floods render as inert text", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signIn(page, "moderator");
  await page.goto("/queue");

  for (const prefix of ["xss", "img", "link", "bidi", "zw", "marks"]) {
    await expect(page.getByTestId("comment-body").filter({ hasText: `${prefix}-${stamp}` })).toHaveCount(1);
  }
  await expect(page.getByTestId("comment-body").filter({ hasText: `xss-${stamp}` })).toContainText('<script>window.__pwned = 1; alert("script")</script>');
  await expect(page.getByText("<b>author-0</b>", { exact: true }).first()).toBeVisible();
  expect(await page.locator("a[href^='javascript:']").count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);

  // The floods stay inside their card and the page stays usable.
  const viewport = page.viewportSize()?.width ?? 1280;
  const flood = page.getByTestId("comment-card").filter({ hasText: `marks-${stamp}` });
  expect((await flood.boundingBox())?.width ?? Infinity).toBeLessThanOrEqual(viewport);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Rules" }).click();
  await expect(page).toHaveURL(/\/rules$/);
});
