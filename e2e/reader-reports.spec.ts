import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { credentials, signIn } from "./support/fixtures";

// Readers' reports as a site sends them: on comments in the ingest API and to the report endpoint
// by the site's own key; the Reported tab lists the reported comments most reported first, the
// card says why, and a decision takes the comment out of the tab.

const card = (page: Page, id: number) => page.locator(`[data-testid="comment-card"][data-comment-id="${id}"]`);

/** What the Reported tab holds, from the table itself: specs run one at a time, so nothing else changes it meanwhile. */
async function reportedPendingCount(): Promise<number> {
  const client = new pg.Client({ connectionString: credentials().databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM comment WHERE status = 'PENDING' AND "reportCount" > 0`)).rows[0]!.n;
  } finally {
    await client.end();
  }
}

async function articleIdOf(commentId: number): Promise<number> {
  const client = new pg.Client({ connectionString: credentials().databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ articleId: number }>(`SELECT "articleId" FROM comment WHERE id = $1`, [commentId])).rows[0]!.articleId;
  } finally {
    await client.end();
  }
}

test("reports sent through the API fill the Reported tab, most reported first, and a decision clears one", async ({ page, baseURL }) => {
  const stamp = randomBytes(4).toString("hex");
  const source = `site-${stamp}`;
  await signIn(page, "admin");
  const headers = { origin: baseURL ?? "", "content-type": "application/json" };

  const ingest = await page.request.post("/api/v1/comments", {
    headers,
    data: {
      id: `reports-${stamp}`,
      title: `Reported article ${stamp}`,
      comments: [
        { id: "once", source, author: "Once", body: "Reported by one reader.", postedAt: "2015-07-24T10:00:00Z", reports: [{ reason: "off_topic", reporterId: "r1" }] },
        { id: "thrice", source, author: "Thrice", body: "Reported by three readers.", postedAt: "2015-07-24T10:05:00Z", reports: [{ reason: "abusive", reporterId: "r1", note: "insults <b>another</b> reader" }, { reason: "abusive", reporterId: "r2" }] },
        { id: "quiet", source, author: "Quiet", body: "Nobody reported this one.", postedAt: "2015-07-24T10:10:00Z" },
      ],
    },
  });
  expect(ingest.status()).toBe(200);
  const ingested = await ingest.json();
  expect(ingested.comments.map((row: { status: string; reports?: unknown }) => [row.status, row.reports])).toEqual([
    ["created", { added: 1, duplicates: 0, reportCount: 1 }],
    ["created", { added: 2, duplicates: 0, reportCount: 2 }],
    ["created", undefined],
  ]);
  const [onceId, thriceId] = ingested.comments.map((row: { id: number }) => row.id) as [number, number];

  // The site passes on one more report by its own key; a re-sent one counts once.
  const endpoint = `/api/v1/sources/${source}/comments/thrice/reports`;
  const more = await page.request.post(endpoint, { headers, data: { reports: [{ reason: "spam", reporterId: "r3" }, { reason: "abusive", reporterId: "r1" }] } });
  expect(more.status()).toBe(200);
  expect(await more.json()).toEqual({ commentId: thriceId, added: 1, duplicates: 1, reportCount: 3 });

  // Clear errors: a reason off the list names the field; an unknown comment is a 404.
  const badReason = await page.request.post(endpoint, { headers, data: { reports: [{ reason: "boring" }] } });
  expect(badReason.status()).toBe(400);
  expect((await badReason.json()).error.issues[0].path).toBe("reports.0.reason");
  const unknown = await page.request.post(`/api/v1/sources/${source}/comments/nobody/reports`, { headers, data: { reports: [{ reason: "spam" }] } });
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error.message).toContain(`comment "nobody" from source "${source}"`);

  const articleId = await articleIdOf(thriceId);
  await page.goto(`/queue?tab=reported&article=${articleId}`);
  await expect(page.getByTestId("queue-board")).toHaveAttribute("data-hydrated", "true");
  await expect(page.getByTestId("tab-reported")).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("tab-count-reported")).toHaveText(/^\d+$/);
  const cards = page.getByTestId("comment-card");
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toHaveAttribute("data-comment-id", String(thriceId));
  await expect(cards.nth(1)).toHaveAttribute("data-comment-id", String(onceId));
  // The reader's note is on the card too (editor-day-8.spec.ts), as text.
  await expect(card(page, thriceId).getByTestId("card-reports")).toHaveText("Reported 3× (abusive ×2, spam) · a reader (abusive): “insults <b>another</b> reader”");
  await expect(card(page, onceId).getByTestId("card-reports")).toHaveText("Reported 1× (off-topic)");
  // Tab counts are shared by every open queue for 2 s (count-queue-tabs.ts), so the page may have
  // rendered a count read while the ingest was half written; the live feed brings the exact one.
  const reportedBefore = await reportedPendingCount();
  expect(reportedBefore).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId("tab-count-reported")).toHaveText(String(reportedBefore), { timeout: 15_000 });

  // The comment's page lists what readers said, as text, never who they are.
  await page.goto(`/comments/${thriceId}`);
  const reports = page.getByTestId("reader-report");
  await expect(reports).toHaveCount(3);
  await expect(page.getByRole("region", { name: "Reader reports" })).toContainText("“insults <b>another</b> reader”");
  await expect(page.getByRole("region", { name: "Reader reports" })).not.toContainText("r1");
  await page.goto(`/queue?tab=reported&article=${articleId}`);
  await expect(page.getByTestId("queue-board")).toHaveAttribute("data-hydrated", "true");

  await card(page, thriceId).getByRole("button", { name: "Hide…" }).click();
  await card(page, thriceId).getByRole("button", { name: "3 abusive" }).click();
  await expect(card(page, thriceId)).toHaveAttribute("data-status", "HIDDEN");

  await page.reload();
  await expect(page.getByTestId("queue-board")).toHaveAttribute("data-hydrated", "true");
  await expect(cards).toHaveCount(1);
  await expect(cards.nth(0)).toHaveAttribute("data-comment-id", String(onceId));
  await expect(page.getByTestId("tab-count-reported")).toHaveText(String(reportedBefore - 1));
});
