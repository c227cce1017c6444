import { randomBytes } from "node:crypto";
import pg from "pg";
import { expect, test, type Page } from "@playwright/test";
import { credentials, signIn } from "./support/fixtures";

// Reader text reaches many pages besides the queue: the comment page, the article thread, the
// author page, audit details, backtest samples, insights' article titles and the exports form.
// Hostile bodies, titles and author names (and a moderator's note) must show there as inert text.

const stamp = randomBytes(4).toString("hex");
// A word the normalizer keeps whole (letters only), for the backtest to find our comments.
const MARK = `qz${stamp.replace(/\d/g, (digit) => "abcdefghij"[Number(digit)]!)}`;
const TITLE = `<script>window.__pwned = "title"; alert("title")</script> ${MARK} title`;
const AUTHOR = `<img src=x onerror="window.__pwned='author'"> ${MARK}`;
const NOTE = `<img src=x onerror="window.__pwned='note'; alert('note')"> ${MARK} note`;
const LONG_WORD = "w".repeat(4000);
const BODIES = [
  `${MARK} xss <script>window.__pwned = 1; alert("script")</script>`,
  `${MARK} img <img src=x onerror="window.__pwned = 2; alert('img')">`,
  `${MARK} link <a href="javascript:window.__pwned=3">click me</a> javascript:alert(1)`,
  `${MARK} bidi \u202Egnp.exe\u202C normal \u2067isolate\u2069 text`,
  `${MARK} long ${LONG_WORD} end`,
];
const HIDDEN_FOR_INSIGHTS = 120;
let articleId = 0;
const commentIds: number[] = [];

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const client = new pg.Client({ connectionString: credentials().databaseUrl });
  await client.connect();
  try {
    const admin = (await client.query<{ id: string }>(`SELECT id FROM "user" WHERE email = $1`, [credentials().admin.email])).rows[0]!.id;
    articleId = (await client.query<{ id: number }>(`INSERT INTO article (key, title, body, "publishedAt") VALUES ($1, $2, 'Hostile pages', now() AT TIME ZONE 'UTC') RETURNING id`, [`e2e:hostile-pages:${stamp}`, TITLE])).rows[0]!.id;
    for (const [index, body] of BODIES.entries()) {
      const { rows } = await client.query<{ id: number }>(
        `INSERT INTO comment ("articleId", source, "dedupeKey", "contentHash", "authorName", body, "postedAt", priority)
         VALUES ($1, 'e2e', $2, $2, $3, $4, (now() AT TIME ZONE 'UTC') - interval '1 hour', 80) RETURNING id`,
        [articleId, `e2e:hostile-pages:${stamp}:${index}`, AUTHOR, body],
      );
      commentIds.push(rows[0]!.id);
    }
    // Enough hidden comments, decided in the last day, for the article to lead insights' article table.
    await client.query(
      `WITH added AS (
         INSERT INTO comment ("articleId", source, "dedupeKey", "contentHash", "authorName", body, "postedAt", "createdAt", status, "decidedAt", "decidedById", version)
         SELECT $1, 'e2e', 'e2e:hostile-pages:' || $2 || ':hidden:' || g, md5($2 || g), $3, 'hidden ' || g, now() AT TIME ZONE 'UTC' - interval '3 hours', now() AT TIME ZONE 'UTC' - interval '3 hours',
                'HIDDEN', now() AT TIME ZONE 'UTC' - interval '2 hours', $4, 1
         FROM generate_series(1, $5::int) g RETURNING id, "decidedAt")
       INSERT INTO decision ("commentId", action, "fromStatus", "toStatus", reason, "moderatorId", "createdAt")
       SELECT id, 'HIDE', 'PENDING', 'HIDDEN', 'ABUSIVE', $4, "decidedAt" FROM added`,
      [articleId, stamp, `hidden-${stamp}`, admin, HIDDEN_FOR_INSIGHTS],
    );
  } finally {
    await client.end();
  }
});

/** Collects dialogs from the moment it is called; `expectInert` then checks nothing ran. */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

async function expectInert(page: Page, dialogs: string[]): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await page.locator("a[href^='javascript:']").count()).toBe(0);
  expect(await page.locator("img[onerror]").count()).toBe(0);
  expect(dialogs).toEqual([]);
}

test("comment page, article thread and author page show hostile bodies, titles and author names as text", async ({ page }) => {
  const dialogs = watchDialogs(page);
  await signIn(page, "moderator");

  await page.goto(`/comments/${commentIds[0]}`);
  await expect(page.getByText(`<script>window.__pwned = 1; alert("script")</script>`).first()).toBeVisible();
  await expect(page.getByText(AUTHOR).first()).toBeVisible();
  await expectInert(page, dialogs);

  // The very long word stays inside the page's width.
  await page.goto(`/comments/${commentIds[4]}`);
  await expect(page.getByText(`${MARK} long`).first()).toBeVisible();
  const viewport = page.viewportSize()?.width ?? 1280;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport);

  // The thread shows a window of 100 comments: the one around the hostile ones (the hidden ones seeded for insights are older).
  await page.goto(`/articles/${articleId}?comment=${commentIds[0]}`);
  await expect(page.getByText(TITLE).first()).toBeVisible();
  for (const fragment of [`<img src=x onerror="window.__pwned = 2; alert('img')">`, `<a href="javascript:window.__pwned=3">click me</a>`, "\u202Egnp.exe\u202C"]) {
    await expect(page.getByText(fragment, { exact: false }).first()).toBeVisible();
  }
  await expectInert(page, dialogs);

  await page.goto(`/authors/${encodeURIComponent(AUTHOR)}`);
  await expect(page.getByText(AUTHOR).first()).toBeVisible();
  await expect(page.getByText(`${MARK} xss`, { exact: false }).first()).toBeVisible();
  await expectInert(page, dialogs);
});

test("audit details show a hostile decision note as text", async ({ page }) => {
  const dialogs = watchDialogs(page);
  await signIn(page, "admin");
  const origin = new URL(page.url()).origin;
  const response = await page.request.post(`/api/v1/comments/${commentIds[1]}/decisions`, {
    headers: { origin, "content-type": "application/json" },
    data: { action: "HIDE", reason: "ABUSIVE", note: NOTE, expectedVersion: 0, expectedStatus: "PENDING" },
  });
  expect(response.status(), await response.text()).toBe(200);

  await page.goto(`/audit?action=comment.hide`);
  const row = page.getByTestId("audit-table").locator("tbody tr").filter({ hasText: "show" }).first();
  await row.getByText("show").click();
  // Details show as JSON text: the note with its quotes escaped, never as markup.
  await expect(row.getByTestId("audit-details")).toContainText(JSON.stringify(NOTE));
  await expectInert(page, dialogs);
});

test("backtest samples, insights' article titles and the exports form show hostile text as text", async ({ page }) => {
  test.setTimeout(60_000);
  const dialogs = watchDialogs(page);
  await signIn(page, "admin");

  await page.goto("/rules/new");
  await page.getByLabel("Name").fill(`e2e-hostile-${stamp}`);
  await page.getByRole("textbox", { name: /^Terms/ }).fill(MARK);
  await page.getByRole("button", { name: "Run backtest" }).click();
  await expect(page.getByTestId("backtest-count")).toHaveText(/^[1-9]\d*$/);
  const samples = page.getByTestId("backtest-sample");
  await expect(samples.filter({ hasText: `<script>window.__pwned = 1; alert("script")</script>` })).toHaveCount(1);
  await expect(samples.filter({ hasText: `<img src=x onerror="window.__pwned = 2; alert('img')">` })).toHaveCount(1);
  await expectInert(page, dialogs);

  await page.goto("/insights");
  await expect(page.getByText(TITLE).first()).toBeVisible();
  await expectInert(page, dialogs);

  await page.goto("/exports");
  await expect(page.locator("option").filter({ hasText: TITLE })).toHaveCount(1);
  await expectInert(page, dialogs);
});
