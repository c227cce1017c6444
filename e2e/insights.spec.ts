import { randomBytes } from "node:crypto";
import { expect, test, type Locator } from "@playwright/test";
import pg from "pg";
import { generateLabelledComments } from "../lib/suggest/generate-labelled-comments";
import { credentials, signIn } from "./support/fixtures";

// The insights page over decisions seeded straight into the e2e database: an article of our own
// (unique key) with 80 comments imported over the last day, 70 decided by the admin, some flagged
// by two default rules. Other specs' data may add to the figures; we only assert ours show.

const stamp = randomBytes(3).toString("hex");
const TITLE = `Insights e2e ${stamp}`;
const COMMENTS = 80;
const PENDING = 10;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const client = new pg.Client({ connectionString: credentials().databaseUrl });
  await client.connect();
  try {
    const admin = (await client.query<{ id: string }>(`SELECT id FROM "user" WHERE email = $1`, [credentials().admin.email])).rows[0]!.id;
    const rules = (await client.query<{ id: number; category: string }>(`SELECT id, category::text FROM rule WHERE "deletedAt" IS NULL ORDER BY id LIMIT 2`)).rows;
    const articleId = (await client.query<{ id: number }>(`INSERT INTO article (key, title) VALUES ($1, $2) RETURNING id`, [`e2e-insights-${stamp}`, TITLE])).rows[0]!.id;
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

test("the suggestion model trains in the background after the page, then shows its held-out figures", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/insights");
  await expect(page.getByTestId("model-status")).toBeVisible();
  // 70 seeded decisions pass the 50 minimum: the page's after() hook trains; a reload shows the result.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("model-accuracy")).toHaveText(/\d+%/, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("model-status")).toContainText("Majority baseline");
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
  await expect(page.getByTestId("chart-queue")).toContainText("Nothing in this range.");
});
