import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import pg from "pg";
import { credentials, signIn } from "./support/fixtures";
import { expect, test } from "./support/test";
import { startWordpress, type WordpressSite } from "./support/wordpress-server";

// The WordPress connector against a real WordPress (Debian's packages, MariaDB, PHP's built-in
// server) started by this file: an admin connects it in the UI and syncs, moderators decide in the
// queue, and the statuses are read back from WordPress's own REST API. A comment edited on the
// site meanwhile is not overwritten: it shows as a conflict until the admin pushes anyway.

interface SiteComment {
  id: number;
  status: string;
  meta: { moddesk_reason?: string };
}

const stamp = randomBytes(4).toString("hex");
let site: WordpressSite;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  site = await startWordpress(stamp);
  // The first test expects loopback to be refused until the admin allows it: in a database where the
  // connector was saved before (this file run again, or another spec that set it up) it was allowed.
  const client = new pg.Client({ connectionString: credentials().databaseUrl });
  await client.connect();
  try {
    await client.query(`UPDATE connector SET settings = settings || '{"allowPrivateNetwork": false}'::jsonb WHERE kind = 'wordpress'`);
  } finally {
    await client.end();
  }
});

test.afterAll(async () => {
  await site?.stop();
});

async function commentIdFor(wordpressId: number): Promise<number> {
  const client = new pg.Client({ connectionString: credentials().databaseUrl });
  await client.connect();
  try {
    const key = `wordpress:id:${new URL(site.url).host}/${site.seeded.postId}/${wordpressId}`;
    const row = (await client.query<{ id: number; articleId: number }>(`SELECT id, "articleId" FROM comment WHERE "dedupeKey" = $1`, [key])).rows[0];
    if (!row) throw new Error(`no comment ${key}`);
    return row.id;
  } finally {
    await client.end();
  }
}

const siteStatus = async (wordpressId: number) => (await site.rest<SiteComment>(`/wp/v2/comments/${wordpressId}?context=edit`)).status;

async function pushRow(admin: Page, commentId: number) {
  return admin.getByTestId("connector-wordpress").getByTestId("connector-pushes").locator("tr", { has: admin.locator(`a[href="/comments/${commentId}"]`) }).first();
}

test("WordPress comments come into the queue, decisions go back to the site, and a change on the site becomes a conflict", async ({ openPage }) => {
  test.setTimeout(120_000);
  const { seeded } = site;
  const admin = await openPage();
  await signIn(admin, "admin");
  await admin.goto("/connectors");
  await admin.getByLabel("Site address").fill(site.url);
  await admin.getByLabel(/WordPress user/).fill(site.username);
  await admin.getByLabel(/Application password/).fill(site.applicationPassword);
  await admin.getByLabel("A hide in Moddesk puts the comment").selectOption("trash");
  await admin.getByRole("button", { name: "Save WordPress settings" }).click();
  await expect(admin.getByText(/private or loopback network/)).toBeVisible();
  await admin.getByLabel(/private or loopback address/).check();
  await admin.getByRole("button", { name: "Save WordPress settings" }).click();
  await expect(admin.getByText("WordPress settings saved.")).toBeVisible();
  // The application password never comes back to the browser.
  await admin.reload();
  expect(await admin.content()).not.toContain(site.applicationPassword);
  await expect(admin.getByLabel(/Application password/)).toHaveAttribute("placeholder", /stored/);

  // The WordPress panel: another connector (Disqus) may be set up on the same page.
  const panel = admin.getByTestId("connector-wordpress");
  await panel.getByRole("button", { name: "Sync now" }).click();
  // WordPress's own sample comment on "Hello world", and the four seeded ones.
  await expect(panel.getByTestId("sync-result")).toHaveText("Synced: 5 pulled, 5 new, 0 already here, 0 rejected.", { timeout: 30_000 });
  await admin.reload();
  await expect(panel.getByTestId("connector-syncs").locator("tbody tr").first()).toContainText("manual");

  const [first, reply, held, changed] = (await Promise.all([seeded.first, seeded.reply, seeded.held, seeded.changed].map(commentIdFor))) as [number, number, number, number];
  const moderator = await openPage();
  await signIn(moderator, "moderator");
  await moderator.goto(`/comments/${reply}`);
  await expect(moderator.getByText(`Buy cheap watches at watches dot example ${stamp}`).first()).toBeVisible();

  const card = (id: number) => moderator.locator(`[data-testid="comment-card"][data-comment-id="${id}"]`);
  // The site's report tally came with the sync: the reply leads the Reported tab.
  await moderator.goto(`/queue?tab=reported&q=${stamp}`);
  await expect(card(reply)).toContainText("Reported 3×");
  await moderator.goto(`/queue?tab=pending&q=${stamp}`);
  await expect(moderator.getByTestId("queue-board")).toHaveAttribute("data-hydrated", "true");
  for (const id of [first, reply, held, changed]) await expect(card(id)).toBeVisible();
  await card(first).getByRole("button", { name: "Hide…" }).click();
  await card(first).getByRole("button", { name: "4 spam" }).click();
  await expect(card(first)).toHaveAttribute("data-status", "HIDDEN");
  await card(held).getByRole("button", { name: "Approve" }).click();
  await expect(card(held)).toHaveAttribute("data-status", "APPROVED");

  await expect.poll(() => siteStatus(seeded.first), { timeout: 20_000 }).toBe("trash");
  await expect.poll(() => siteStatus(seeded.held), { timeout: 20_000 }).toBe("approved");
  const hidden = await site.rest<SiteComment>(`/wp/v2/comments/${seeded.first}?context=edit`);
  expect(hidden.meta.moddesk_reason).toBe("SPAM");

  // Someone edits a comment on the site; Moddesk's hide must not overwrite it unasked.
  await site.rest(`/wp/v2/comments/${seeded.changed}`, { method: "POST", body: { content: `Potholes on Mill Road, edited by the site's editor ${stamp}` } });
  await card(changed).getByRole("button", { name: "Hide…" }).click();
  await card(changed).getByRole("button", { name: "4 spam" }).click();
  await expect(card(changed)).toHaveAttribute("data-status", "HIDDEN");

  await expect(async () => {
    await admin.reload();
    await expect(await pushRow(admin, changed)).toContainText("conflict", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const conflictRow = await pushRow(admin, changed);
  await expect(conflictRow).toContainText("edited on the site");
  expect(await siteStatus(seeded.changed)).toBe("approved");
  // The desk sees it on the comment's page too.
  await moderator.goto(`/comments/${changed}`);
  await expect(moderator.getByTestId("site-push").first()).toContainText("hide: conflict (the comment's text was edited on the site");

  await conflictRow.getByRole("button", { name: "Push anyway" }).click();
  await expect.poll(() => siteStatus(seeded.changed), { timeout: 20_000 }).toBe("trash");
  await expect(async () => {
    await admin.reload();
    await expect(await pushRow(admin, changed)).toContainText("applied", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
});

test("the next sync pulls only what is new on the site", async ({ page }) => {
  await site.rest("/wp/v2/comments", { method: "POST", body: { post: site.seeded.postId, content: `A late comment ${stamp}`, status: "hold" } });
  await signIn(page, "admin");
  await page.goto("/connectors");
  const panel = page.getByTestId("connector-wordpress");
  await panel.getByRole("button", { name: "Sync now" }).click();
  await expect(panel.getByTestId("sync-result")).toHaveText("Synced: 1 pulled, 1 new, 0 already here, 0 rejected.", { timeout: 30_000 });
});
