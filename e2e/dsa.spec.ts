import { randomBytes } from "node:crypto";
import pg from "pg";
import { credentials, signIn } from "./support/fixtures";
import { expect, test } from "./support/test";

// DSA statements of reasons as a desk uses them: an admin fills in the settings, a moderator hides
// a rule-flagged comment from the queue, the comment's page shows the notice for its author, and
// the statements download holds the decision in the Transparency Database's format.

async function seedFlaggedComment(): Promise<{ articleId: number; commentId: number; title: string }> {
  const stamp = randomBytes(4).toString("hex");
  const client = new pg.Client({ connectionString: credentials().databaseUrl });
  await client.connect();
  try {
    const title = `DSA e2e ${stamp}: council budget`;
    const articleId = (await client.query<{ id: number }>(`INSERT INTO article (key, title, body, "publishedAt") VALUES ($1, $2, 'The article text.', now()) RETURNING id`, [`e2e-dsa:${stamp}`, title])).rows[0]!.id;
    const rule = (await client.query<{ id: number; name: string }>(`SELECT id, name FROM rule WHERE category = 'ABUSIVE' ORDER BY id LIMIT 1`)).rows[0]!;
    const commentId = (
      await client.query<{ id: number }>(
        `INSERT INTO comment ("articleId", source, "dedupeKey", "contentHash", "authorName", body, "postedAt", priority, "flagCategories")
         VALUES ($1, 'e2e', $2, $2, 'Reader', 'A comment a rule flagged.', (now() AT TIME ZONE 'UTC') - interval '1 hour', 5, '{ABUSIVE}') RETURNING id`,
        [articleId, `e2e-dsa:${stamp}:0`],
      )
    ).rows[0]!.id;
    await client.query(`INSERT INTO flag ("commentId", "ruleId", "ruleVersion", category, score, spans, reason, "createdAt") VALUES ($1, $2, 1, 'ABUSIVE', 0.9, '[[2,9]]', 'seeded for e2e', (now() AT TIME ZONE 'UTC') - interval '1 hour')`, [commentId, rule.id]);
    return { articleId, commentId, title };
  } finally {
    await client.end();
  }
}

test("an admin sets the statement-of-reasons settings; a hide gets a notice and a Transparency Database statement", async ({ openPage }) => {
  const seeded = await seedFlaggedComment();
  const admin = await openPage();
  await signIn(admin, "admin");
  await admin.goto("/dsa");
  await admin.getByLabel("Site or service name").fill("The Example Daily");
  await admin.getByLabel("Address of those terms").fill("https://daily.example/comment-terms");
  await admin.getByRole("button", { name: "Save settings" }).click();
  await expect(admin.getByTestId("dsa-settings-saved")).toBeVisible();

  const moderator = await openPage();
  await signIn(moderator, "moderator");
  await moderator.goto(`/queue?article=${seeded.articleId}`);
  await expect(moderator.getByTestId("queue-board")).toHaveAttribute("data-hydrated", "true");
  const card = moderator.locator(`[data-testid="comment-card"][data-comment-id="${seeded.commentId}"]`);
  await card.getByRole("button", { name: "Hide…" }).click();
  await card.getByRole("button", { name: "3 abusive" }).click();
  await expect(card).toHaveAttribute("data-status", "HIDDEN");

  await moderator.goto(`/comments/${seeded.commentId}`);
  const notice = moderator.getByTestId("commenter-notice");
  await expect(notice).toContainText(`Your comment on "${seeded.title}"`);
  await expect(notice).toContainText("is no longer visible on The Example Daily.");
  await expect(notice).toContainText("(https://daily.example/comment-terms)");
  await expect(notice).toContainText("our automated rules flagged the comment for review");
  await expect(notice).toContainText("How to contest it:");

  // A moderator may read and download, not change the settings.
  await moderator.goto("/dsa");
  await expect(moderator.getByText("Only admins change these settings.")).toBeVisible();
  // As the page's own download sends it: a browser names the page it came from (lib/http/request-guards.ts).
  const download = await moderator.request.get("/api/v1/dsa/statements?format=jsonl", { headers: { referer: moderator.url() } });
  expect(download.status()).toBe(200);
  const statements = (await download.text()).trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
  const mine = statements.find((statement) => String(statement.puid).startsWith(`moddesk-comment-${seeded.commentId}-`));
  expect(mine).toMatchObject({ decision_ground: "DECISION_GROUND_INCOMPATIBLE_CONTENT", decision_ground_reference_url: "https://daily.example/comment-terms", automated_detection: "Yes", automated_decision: "AUTOMATED_DECISION_NOT_AUTOMATED", content_type: ["CONTENT_TYPE_TEXT"] });
});
