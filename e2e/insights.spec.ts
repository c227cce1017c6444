import { randomBytes } from "node:crypto";
import { expect, test, type Locator } from "@playwright/test";
import pg from "pg";
import { generateLabelledComments } from "../lib/suggest/generate-labelled-comments";
import { trainSuggestionParams } from "../lib/suggest/suggestion-model";
import { credentials, signIn } from "./support/fixtures";

// The insights page over decisions seeded straight into the e2e database: an article of our own
// (unique key) with 80 comments imported over the last day, 70 decided by the admin, some flagged
// by two default rules. Other specs' data may add to the figures; we only assert ours show.

const stamp = randomBytes(3).toString("hex");
const TITLE = `Insights e2e ${stamp}`;
const COMMENTS = 80;
const PENDING = 10;
let articleId = 0;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const client = new pg.Client({ connectionString: credentials().databaseUrl });
  await client.connect();
  try {
    const admin = (await client.query<{ id: string }>(`SELECT id FROM "user" WHERE email = $1`, [credentials().admin.email])).rows[0]!.id;
    const rules = (await client.query<{ id: number; category: string }>(`SELECT id, category::text FROM rule WHERE "deletedAt" IS NULL ORDER BY id LIMIT 2`)).rows;
    articleId = (await client.query<{ id: number }>(`INSERT INTO article (key, title) VALUES ($1, $2) RETURNING id`, [`e2e-insights-${stamp}`, TITLE])).rows[0]!.id;
    const examples = generateLabelledComments({ count: COMMENTS, seed: 42 });
    const now = Date.now();
    for (const [index, example] of examples.entries()) {
      const importedAt = new Date(now - (COMMENTS + 10 - index) * 15 * 60_000);
      const isDecided = index < COMMENTS - PENDING;
      const status = isDecided ? (example.action === "HIDE" ? "HIDDEN" : "APPROVED") : "PENDING";
      const rule = example.action === "HIDE" || index % 5 === 0 ? rules[index % rules.length] : undefined;
      const decidedAt = isDecided ? new Date(importedAt.getTime() + (1 + (index % 7)) * 10 * 60_000) : null;
      const { rows } = await client.query<{ id: number }>(
        `INSERT INTO comment ("articleId", source, "dedupeKey", "contentHash", body, "postedAt", "createdAt", status, priority, "decidedAt", "decidedById", version)
         VALUES ($1, 'e2e', $2, $2, $3, $4::timestamptz AT TIME ZONE 'UTC', $5::timestamptz AT TIME ZONE 'UTC', $6::"CommentStatus", $7, $8::timestamptz AT TIME ZONE 'UTC', $9, $10) RETURNING id`,
        [articleId, `e2e:id:${stamp}-${index}`, example.text, new Date(importedAt.getTime() - 3_600_000).toISOString(), importedAt.toISOString(), status, rule ? 40 : 0, decidedAt?.toISOString() ?? null, isDecided ? admin : null, isDecided ? 1 : 0],
      );
      const commentId = rows[0]!.id;
      if (rule) {
        await client.query(`INSERT INTO flag ("commentId", "ruleId", "ruleVersion", category, score, spans, reason) VALUES ($1, $2, 1, $3::"RuleCategory", 1, '[]'::jsonb, 'e2e')`, [commentId, rule.id, rule.category]);
      }
      if (isDecided) {
        await client.query(
          `INSERT INTO decision ("commentId", action, "fromStatus", "toStatus", reason, "moderatorId", "createdAt") VALUES ($1, $2::"DecisionAction", 'PENDING', $3::"CommentStatus", $4::"ReasonCategory", $5, $6::timestamptz AT TIME ZONE 'UTC')`,
          [commentId, example.action, status, example.reason, admin, decidedAt!.toISOString()],
        );
      }
    }
  } finally {
    await client.end();
  }
});

/** Recharts draws one path per bar and per line: a chart with data has some. */
async function expectDrawn(chart: Locator, selector: string, atLeast: number): Promise<void> {
  await expect(chart.locator(selector).first()).toBeVisible();
  expect(await chart.locator(selector).count()).toBeGreaterThanOrEqual(atLeast);
}

test("an admin sees the queue's health, rule health, articles and per-moderator figures", async ({ page }, testInfo) => {
  await signIn(page, "admin");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Insights" }).click();
  await expect(page).toHaveURL(/\/insights$/);
  await expect(page.getByRole("heading", { name: "Insights" })).toBeVisible();

  const queue = page.getByTestId("chart-queue");
  await expectDrawn(queue, ".recharts-bar-rectangle", 2);
  await expectDrawn(queue, ".recharts-line-curve", 1);
  await expectDrawn(page.getByTestId("chart-latency"), ".recharts-line-dot", 2);
  await expectDrawn(page.getByTestId("chart-categories"), ".recharts-bar-rectangle", 1);
  await expectDrawn(page.getByTestId("chart-reasons"), ".recharts-bar-rectangle", 2);
  await expectDrawn(page.getByTestId("chart-rules"), ".recharts-bar-rectangle", 2);
  await expectDrawn(page.getByTestId("chart-moderators"), ".recharts-bar-rectangle", 1);

  await expect(page.getByTestId("article-table").getByText(TITLE)).toBeVisible();
  await expect(page.getByTestId("rule-health-table").getByTestId("rule-precision").first()).toHaveText(/\d+%/);
  await expect(page.getByTestId("silent-rules").getByRole("link", { name: "Review the rules" })).toHaveAttribute("href", "/rules");
  await expect(page.getByTestId("stat-tiles")).toContainText("Import → decision, median");

  const screenshot = testInfo.outputPath("insights-admin.png");
  await page.screenshot({ path: screenshot, fullPage: true });
  await testInfo.attach("insights-admin", { path: screenshot, contentType: "image/png" });
});

test("the suggestion job trains the model, then the page shows its held-out figures", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/insights");
  await expect(page.getByTestId("model-status")).toBeVisible();
  // 70 seeded decisions pass the 50 minimum: the job's next periodic run (every 15 s) trains.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("model-accuracy")).toHaveText(/\d+%/, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByTestId("model-status")).toContainText("Majority baseline");
});

test("the queue sorts pending comments by the stored suggestion, most likely hidden first", async ({ page }) => {
  const client = new pg.Client({ connectionString: credentials().databaseUrl });
  await client.connect();
  let expected: number[] = [];
  try {
    // A model of our own, made usable (the held-out figures of a few dozen decisions may not beat
    // the baseline): the job's next run stores its predictions for the pending comments.
    const params = trainSuggestionParams(generateLabelledComments({ count: 400, seed: 3 }));
    const modelId = (
      await client.query<{ id: number }>(
        `INSERT INTO suggestion_model ("trainedAt", decisions, "heldOutAccuracy", "baselineAccuracy", params) VALUES (now() AT TIME ZONE 'UTC', 400, 0.9, 0.6, $1::jsonb) RETURNING id`,
        [JSON.stringify(params)],
      )
    ).rows[0]!.id;
    await expect(async () => {
      const { rows } = await client.query<{ commentId: number }>(
        `SELECT s."commentId" FROM comment_suggestion s JOIN comment c ON c.id = s."commentId"
         WHERE c."articleId" = $1 AND c.status = 'PENDING' AND s."modelId" = $2 ORDER BY s."hideProbability" DESC, s."commentId" DESC`,
        [articleId, modelId],
      );
      expect(rows).toHaveLength(PENDING);
      expected = rows.map((row) => row.commentId);
    }).toPass({ timeout: 60_000 });
  } finally {
    await client.end();
  }
  await signIn(page, "moderator");
  await page.goto(`/queue?tab=pending&article=${articleId}`);
  await page.getByRole("search", { name: "Filter the queue" }).getByLabel("Sort").selectOption("suggestion");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/sort=suggestion/);
  const cards = page.getByTestId("comment-card");
  await expect(cards).toHaveCount(PENDING);
  expect(await cards.evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute("data-comment-id"))))).toEqual(expected);
  await expect(page.getByTestId("suggestion-badge").first()).toBeVisible();
});

test("a moderator sees the dashboard but not per-moderator throughput", async ({ page }) => {
  await signIn(page, "moderator");
  await page.goto("/insights");
  await expectDrawn(page.getByTestId("chart-queue"), ".recharts-bar-rectangle", 2);
  await expect(page.getByTestId("chart-moderators")).toHaveCount(0);
});

test("the range lives in the URL: a range without comments says so", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/insights?from=1990-01-01&to=1990-01-31");
  await expect(page.getByTestId("range-label")).toContainText("1990-01-01 to 1990-01-31");
  // The days are the desk's, its zone named (no longer "(UTC)" whatever the desk's zone).
  await expect(page.getByTestId("range-label")).toContainText(/\(days in [A-Za-z][\w+\-/]*, the desk's time zone\)/);
  await expect(page.getByTestId("chart-queue")).toContainText("Nothing in this range.");
});
