import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import pg from "pg";
import { credentials, signIn } from "./support/fixtures";
import { seedArticle, withDatabase } from "./support/seed";

// The Exports page and API: a seeded article with two decided comments, downloaded as CSV from
// the page and as JSONL from the API; the export is then found in the audit log.

interface Seeded {
  articleId: number;
  title: string;
  commentIds: number[];
  ruleName: string;
}

async function seedDecisions(): Promise<Seeded> {
  const stamp = randomUUID().slice(0, 8);
  const client = new pg.Client({ connectionString: credentials().databaseUrl });
  await client.connect();
  try {
    const adminId = (await client.query<{ id: string }>(`SELECT id FROM "user" WHERE email = $1`, [credentials().admin.email])).rows[0]!.id;
    const rule = (await client.query<{ id: number; name: string; category: string }>(`SELECT id, name, category FROM rule ORDER BY id LIMIT 1`)).rows[0]!;
    const title = `Export check ${stamp}, "quoted"`;
    const articleId = (await client.query<{ id: number }>(`INSERT INTO article (key, title) VALUES ($1, $2) RETURNING id`, [`e2e-export:${stamp}`, title])).rows[0]!.id;
    const bodies = ['=HYPERLINK("http://x","click")', "Line one,\nline two"];
    const commentIds: number[] = [];
    for (const [index, body] of bodies.entries()) {
      const comment = await client.query<{ id: number }>(
        `INSERT INTO comment ("articleId", source, "externalId", "dedupeKey", "contentHash", "authorName", body, "postedAt", status)
         VALUES ($1, 'e2e', $2, $3, $4, 'Reader', $5, '2026-11-01 08:00:00', 'HIDDEN') RETURNING id`,
        [articleId, `ext-${stamp}-${index}`, `e2e:id:${stamp}-${index}`, `${stamp}-${index}`, body],
      );
      commentIds.push(comment.rows[0]!.id);
    }
    await client.query(`INSERT INTO flag ("commentId", "ruleId", "ruleVersion", category, score, spans, reason) VALUES ($1, $2, 1, $3, 1, '[]', 'e2e')`, [commentIds[0], rule.id, rule.category]);
    await client.query(`INSERT INTO decision ("commentId", action, "fromStatus", "toStatus", reason, note, "moderatorId", "createdAt") VALUES ($1, 'HIDE', 'PENDING', 'HIDDEN', 'SPAM', 'formula link', $2, '2026-11-02 09:00:00')`, [commentIds[0], adminId]);
    await client.query(`INSERT INTO decision ("commentId", action, "fromStatus", "toStatus", reason, "createdAt") VALUES ($1, 'HIDE', 'PENDING', 'HIDDEN', 'ABUSIVE', '2026-11-02 10:00:00')`, [commentIds[1]]);
    return { articleId, title, commentIds, ruleName: rule.name };
  } finally {
    await client.end();
  }
}

test("an admin downloads a CSV of an article's decisions from the Exports page, and finds the export in the audit log", async ({ page }) => {
  const seeded = await seedDecisions();
  await signIn(page, "admin");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Exports" }).click();
  await expect(page.getByRole("heading", { name: "Exports" })).toBeVisible();
  await expect(page.getByTestId("export-columns")).toContainText("flag_rules");

  await page.getByLabel("Article id").fill(String(seeded.articleId));
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download export" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^moddesk-decisions-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile(await download.path(), "utf8");
  expect(text.startsWith("decision_id,comment_id,comment_external_id,comment_source,article_id,article_title,author,comment_text,posted_at,action,from_status,status,reason,note,moderator,decided_at,flag_categories,flag_rules\r\n")).toBe(true);
  const rows = parse(text, { columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(2);
  expect(rows[0]).toMatchObject({
    comment_id: String(seeded.commentIds[0]),
    article_title: seeded.title,
    comment_text: `'=HYPERLINK("http://x","click")`,
    posted_at: "2026-11-01T08:00:00.000Z",
    action: "HIDE",
    status: "HIDDEN",
    reason: "SPAM",
    note: "formula link",
    moderator: credentials().admin.email,
    decided_at: "2026-11-02T09:00:00.000Z",
    flag_rules: seeded.ruleName,
  });
  expect(rows[1]).toMatchObject({ comment_id: String(seeded.commentIds[1]), comment_text: "Line one,\nline two", moderator: "system", reason: "ABUSIVE", flag_rules: "" });

  await page.goto("/audit?action=export.decisions");
  const latest = page.getByTestId("audit-table").locator("tbody tr").first();
  await expect(latest).toContainText(credentials().admin.email);
  await latest.getByText("show").click();
  await expect(latest.getByTestId("audit-details")).toContainText(`"article": ${seeded.articleId}`);
  await expect(latest.getByTestId("audit-details")).toContainText('"rows": 2');
  await expect(latest.getByTestId("audit-details")).toContainText('"completed": true');
});

test("the API streams JSONL for a signed-in moderator and refuses a bad filter in words", async ({ page }) => {
  const seeded = await seedDecisions();
  await signIn(page, "moderator");
  // As the Exports page sends it: a browser names the page it came from (a cookie's GET without it is refused).
  const fromPage = { referer: page.url() };
  const response = await page.request.get(`/api/v1/decisions?format=jsonl&article=${seeded.articleId}&moderator=system`, { headers: fromPage });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/x-ndjson");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="moddesk-decisions-\d{4}-\d{2}-\d{2}\.jsonl"$/);
  const lines = (await response.text()).trimEnd().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(lines).toEqual([expect.objectContaining({ comment_id: seeded.commentIds[1], moderator: "system", comment_text: "Line one,\nline two" })]);

  const bad = await page.request.get("/api/v1/decisions?since=yesterday", { headers: fromPage });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.issues[0].path).toBe("since");
  const unknownZone = await page.request.get("/api/v1/decisions?since=2026-12-06&tz=Mars%2FOlympus", { headers: fromPage });
  expect(unknownZone.status()).toBe(400);
  expect((await unknownZone.json()).error.issues[0]).toMatchObject({ path: "tz", message: expect.stringContaining("IANA time zone") });
});

test.describe("a moderator in Karachi exports their own days", () => {
  // The browser says Karachi too, though the server reads the days in the user's saved zone.
  test.use({ timezoneId: "Asia/Karachi" });

  test("a decision at 23:30 local on 6 December is in that day's export and not the 7th's", async ({ page }) => {
    const seeded = await seedArticle([{ author: "Late", body: "Decided just before local midnight." }], { titlePrefix: "Local day" });
    const email = credentials().admin.email;
    const before = await withDatabase(async (client) => {
      // 18:30 UTC is 23:30 in Karachi (GMT+5): still the 6th there, as it is in UTC.
      await client.query(`INSERT INTO decision ("commentId", action, "fromStatus", "toStatus", reason, "createdAt") VALUES ($1, 'HIDE', 'PENDING', 'HIDDEN', 'SPAM', '2026-12-06 18:30:00')`, [seeded.ids[0]]);
      // An hour later (00:30 on the 7th in Karachi, still the 6th in UTC).
      await client.query(`INSERT INTO decision ("commentId", action, "fromStatus", "toStatus", reason, "createdAt") VALUES ($1, 'APPROVE', 'HIDDEN', 'APPROVED', NULL, '2026-12-06 19:30:00')`, [seeded.ids[0]]);
      const row = await client.query<{ timeZone: string | null }>(`SELECT "timeZone" FROM "user" WHERE email = $1`, [email]);
      await client.query(`UPDATE "user" SET "timeZone" = 'Asia/Karachi' WHERE email = $1`, [email]);
      return row.rows[0]?.timeZone ?? null;
    });
    try {
      await signIn(page, "admin");
      await page.goto("/exports");
      const downloadDay = async (day: string) => {
        await page.getByLabel("Article id").fill(String(seeded.articleId));
        await page.getByLabel("Decided from (day, Asia/Karachi)").fill(day);
        await page.getByLabel("Decided to (day, Asia/Karachi, included)").fill(day);
        const downloading = page.waitForEvent("download");
        await page.getByRole("button", { name: "Download export" }).click();
        const rows = parse(await readFile(await (await downloading).path(), "utf8"), { columns: true }) as Record<string, string>[];
        return rows.map((row) => [row.action, row.decided_at]);
      };
      expect(await downloadDay("2026-12-06")).toEqual([["HIDE", "2026-12-06T18:30:00.000Z"]]);
      // The audit event records the instants used and the zone; the confirmation says them in words.
      const confirmation = page.getByTestId("export-confirmation");
      await expect(confirmation).toContainText("decided from 00:00 GMT+5 on 6 Dec 2026, decided before 00:00 GMT+5 on 7 Dec 2026, days in Asia/Karachi");
      expect(await downloadDay("2026-12-07")).toEqual([["APPROVE", "2026-12-06T19:30:00.000Z"]]);

      // The audit log's day filter is the reader's too, and says so.
      await page.goto("/audit?action=export.decisions");
      await expect(page.getByLabel("From (day, Asia/Karachi)")).toBeVisible();
    } finally {
      await withDatabase((client) => client.query(`UPDATE "user" SET "timeZone" = $2 WHERE email = $1`, [email, before]));
    }
  });
});
