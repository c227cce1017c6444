import path from "node:path";
import { expect, test } from "@playwright/test";
import { signIn } from "./support/fixtures";

// The Imports page: upload, summary, the batch list, re-upload (duplicates), a bad file.

const FIXTURES = path.resolve("test/fixtures/import");

test("an admin uploads a CSV, sees the counts and the batch; the same file again adds nothing", async ({ page }) => {
  await signIn(page, "admin");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Imports" }).click();
  await expect(page.getByRole("heading", { name: "Imports" })).toBeVisible();

  await page.getByTestId("import-file").setInputFiles(path.join(FIXTURES, "comments.csv"));
  await page.getByRole("button", { name: "Import" }).click();
  const status = page.getByTestId("import-status");
  // Another spec of this run may have loaded the same rows: together they are always the file's 4.
  await expect(status).toContainText(/Imported \(csv\): 3 article\(s\), (\d) added, (\d) duplicates skipped, 0 rejected\./);
  const first = /(\d) added, (\d) duplicates/.exec((await status.textContent()) ?? "");
  expect(Number(first?.[1]) + Number(first?.[2])).toBe(4);
  const latest = page.getByTestId("imports-table").locator("tbody tr").first();
  await expect(latest).toContainText("comments.csv");
  await expect(latest).toContainText("csv");
  await expect(latest).toContainText("completed");

  await page.getByTestId("import-file").setInputFiles(path.join(FIXTURES, "comments.csv"));
  await page.getByRole("button", { name: "Import" }).click();
  await expect(status).toContainText("Imported (csv): 3 article(s), 0 added, 4 duplicates skipped, 0 rejected.");
  await expect(page.getByTestId("imports-table").locator("tbody tr").first().locator("td").nth(8)).toHaveText("4");
});

test("a bad file keeps its good rows and lists every rejected row with its line number", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/imports");
  await page.getByTestId("import-file").setInputFiles(path.join(FIXTURES, "comments-bad.csv"));
  await page.getByRole("button", { name: "Import" }).click();
  const status = page.getByTestId("import-status");
  // Line 12 reuses the id c-10 of the good file imported above with other text: reported, never skipped as a duplicate.
  await expect(status).toContainText(/Imported \(csv\): 1 article\(s\), \d added, \d duplicates skipped, 8 rejected\./);
  await expect(status).toContainText("rejected: line 12 (id): comment c-10: a different comment with the same id");
  await expect(status).toContainText("rejected: line 5 (body): body is empty");
  await expect(status).toContainText("rejected: line 6 (posted_at): posted_at 'yesterday' is not a date");
  for (const line of [3, 4, 7, 10, 11]) await expect(status.getByText(new RegExp(`^rejected: line ${line}\\b`))).toHaveCount(1);
  await expect(status).toContainText("warning: line 1");
  await expect(page.getByTestId("imports-table").locator("tbody tr").first()).toContainText("comments-bad.csv");
  // The same eight rows, with their lines and fields, as a CSV download.
  const download = page.waitForEvent("download");
  await page.getByTestId("rejected-rows-download").click();
  const csv = (await (await download).createReadStream()).toArray();
  const rows = Buffer.concat(await csv).toString("utf8").replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  expect(rows[0]).toBe("file,line,field,problem");
  expect(rows).toHaveLength(9);
  expect(rows).toContain("comments-bad.csv,6,posted_at,posted_at 'yesterday' is not a date (expected ISO 8601 like 2015-07-23T18:43:00Z)");
});

test("a moderator cannot upload through the API", async ({ page }) => {
  await signIn(page, "moderator");
  const response = await page.request.post("/api/v1/imports?fileName=comments.csv", { data: "article_title,body,posted_at\nA,b,2015-07-23T10:00:00Z\n" });
  expect(response.status()).toBe(403);
});
