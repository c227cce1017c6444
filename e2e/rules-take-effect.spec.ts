import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/fixtures";
import { seedArticle } from "./support/seed";

// Issue 15, item 6: a rule change takes effect on the pending comments at once, as a job the
// rule's page follows; disabling withdraws its flags from pending comments, into their history.

const flagsOf = (page: Page) => page.getByRole("region", { name: "Flags" });

test("a new rule flags the pending comments at once; disabling it withdraws them, decided comments keep theirs", async ({ page }) => {
  test.setTimeout(90_000);
  const term = `zq${randomBytes(3).toString("hex")}`;
  const name = `e2e-effect-${term}`;
  const { ids } = await seedArticle([
    { body: `the ${term} again, pending`, author: "effect-a" },
    { body: `more ${term} here, to be approved`, author: "effect-b" },
    { body: "nothing to flag", author: "effect-c" },
  ]);
  const [pendingId, approvedId] = ids as [number, number];

  await signIn(page, "admin");
  await page.goto("/rules/new");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("textbox", { name: /^Terms/ }).fill(term);
  await page.getByRole("button", { name: "Create rule" }).click();
  await expect(page).toHaveURL(/\/rules\/\d+\/edit\?saved=1$/);
  const ruleUrl = page.url();
  // The page says what the save is doing to the queue, and follows it to the end.
  await expect(page.getByTestId("rule-recheck")).toHaveText(/^Re-check(ing|ed) [\d,]+ pending comments/);
  await expect(page.getByTestId("rule-recheck")).toHaveText(/^Re-checked [\d,]+ pending comments: [1-9][\d,]* flagged/, { timeout: 30_000 });

  for (const id of [pendingId, approvedId]) {
    await page.goto(`/comments/${id}`);
    await expect(flagsOf(page).getByRole("listitem").filter({ hasText: name })).toHaveCount(1);
  }
  // One of them is decided while flagged.
  await page.getByRole("button", { name: "Approve" }).first().click();
  await expect(page.getByTestId("comment-status").first()).toHaveText("approved");

  await page.goto(ruleUrl);
  await page.getByRole("button", { name: "Disable" }).click();
  await expect(page.getByText(/Version 2 · disabled/)).toBeVisible();
  await expect(page.getByTestId("rule-recheck")).toHaveText(/^Re-checked [\d,]+ pending comments/, { timeout: 30_000 });

  await page.goto(`/comments/${pendingId}`);
  await expect(page.getByTestId("withdrawn-flag").filter({ hasText: name })).toContainText("withdrawn");
  await expect(flagsOf(page).getByText("No rule flags it now.")).toBeVisible();
  await page.goto(`/comments/${approvedId}`);
  await expect(flagsOf(page).getByRole("listitem").filter({ hasText: name })).toHaveCount(1);
  await expect(page.getByTestId("withdrawn-flag")).toHaveCount(0);

  // The Rules page lists the automatic passes in words.
  await page.goto("/rules");
  await expect(page.getByTestId("rerun-label").first()).toHaveText(/^Re-checked [\d,]+ pending comments/);
});
