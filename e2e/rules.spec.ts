import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signIn } from "./support/fixtures";

test("an admin drafts a TERMS rule, tries it live, backtests it, saves it and re-runs the rules", async ({ page }) => {
  test.setTimeout(60_000);
  const name = `e2e-internet-${randomBytes(3).toString("hex")}`;
  await signIn(page, "admin");
  await page.goto("/rules");
  await page.getByRole("link", { name: "New rule" }).click();
  await expect(page).toHaveURL(/\/rules\/new$/);

  await page.getByLabel("Name").fill(name);
  await page.getByRole("textbox", { name: /^Terms/ }).fill("internet");
  await page.getByLabel("Test text").fill("The INT3RNET is a series of tubes");
  await expect(page.getByTestId("bench-highlight").getByTestId("match")).toHaveText("INT3RNET");
  await expect(page.getByTestId("bench-reason")).toContainText("internet");

  await page.getByRole("button", { name: "Run backtest" }).click();
  await expect(page.getByTestId("backtest-count")).toHaveText(/^[1-9]\d*$/);
  await expect(page.getByTestId("backtest-sample").first().getByTestId("match").first()).toHaveText(/internet/i);

  // The RE2 refusal is explained on the form, before anything reaches the server.
  await page.getByLabel("Kind").selectOption("REGEX");
  await page.getByRole("textbox", { name: /^Pattern/ }).fill("(\\w+) \\1");
  await expect(page.getByTestId("config-error")).toContainText("RE2 refuses it");
  await expect(page.getByRole("button", { name: "Create rule" })).toBeDisabled();
  await page.getByLabel("Kind").selectOption("TERMS");

  await page.getByRole("button", { name: "Create rule" }).click();
  await expect(page).toHaveURL(/\/rules\/\d+\/edit\?saved=1$/);
  await expect(page.getByTestId("rule-saved")).toHaveText("Saved as version 1.");
  await expect(page.getByRole("textbox", { name: /^Terms/ })).toHaveValue("internet");

  await page.goto("/rules");
  await expect(page.getByTestId("rules-table").getByRole("link", { name })).toBeVisible();
  await page.getByRole("button", { name: "Re-run rules" }).click();
  const latest = page.getByTestId("rerun").first();
  // The save queued a pending-only re-check first: wait for the full pass to top the list.
  await expect(latest.getByTestId("rerun-progress")).toHaveText(/^[\d,]+ \/ [\d,]+ comments$/);
  await expect(latest.getByTestId("rerun-status")).toHaveText("completed", { timeout: 30_000 });
  const progress = (await latest.getByTestId("rerun-progress").textContent()) ?? "";
  const [, processed, total] = /^([\d,]+) \/ ([\d,]+) comments$/.exec(progress) ?? [];
  expect(processed).toBe(total);
  expect(Number(total?.replace(/,/g, ""))).toBeGreaterThanOrEqual(21);
  // The re-run flagged the demo thread with the new rule.
  const row = page.getByTestId("rules-table").getByRole("row").filter({ has: page.getByRole("link", { name }) });
  await expect(row.getByRole("cell").nth(6)).toHaveText(/^[1-9]\d*$/);
  // A desk's own rule has no figures on the project's labelled corpus.
  await expect(row.getByTestId("corpus-figures")).toHaveText("not measured");
});

test("an admin tries a CLASSIFIER draft: the model scores it on the server and highlights the words that weighed", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/rules/new");
  await page.getByLabel("Name").fill(`e2e-model-${randomBytes(3).toString("hex")}`);
  await page.getByLabel("Kind").selectOption("CLASSIFIER");
  await page.getByRole("combobox", { name: /^Category/ }).selectOption("ABUSIVE");
  await page.getByRole("textbox", { name: /^Threshold/ }).fill("0.8");
  await page.getByLabel("Test text").fill("Shut up you m0r0n, nobody asked you");
  await page.getByTestId("bench-score-model").click();
  await expect(page.getByTestId("bench-reason")).toContainText("model: 0.");
  await expect(page.getByTestId("bench-highlight").getByTestId("match").filter({ hasText: "m0r0n" })).toHaveCount(1);
  await page.getByLabel("Test text").fill("Thanks for the article, very informative");
  await page.getByTestId("bench-score-model").click();
  await expect(page.getByTestId("bench-result")).toContainText("No match.");
});

test("a moderator reads rules but cannot create, save or re-run them", async ({ page }) => {
  await signIn(page, "moderator");
  await page.goto("/rules");
  await expect(page.getByTestId("rules-table")).toBeVisible();
  await expect(page.getByRole("link", { name: "New rule" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Re-run rules" })).toHaveCount(0);

  const response = await page.goto("/rules/new");
  expect(response?.status()).toBe(403);

  await page.goto("/rules");
  // The default pack's rules carry their precision and recall on the labelled corpus.
  const packRow = page.getByTestId("rules-table").getByRole("row").filter({ has: page.getByRole("link", { name: "abusive-english-insults", exact: true }) });
  await expect(packRow.getByTestId("corpus-figures")).toContainText(/P (\d+%|—) · R \d+%/);
  await page.getByTestId("rules-table").getByRole("link", { name: "abusive-english-insults" }).click();
  await expect(page.getByRole("heading", { name: "abusive-english-insults" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: /^Terms/ })).toBeDisabled();
  await expect(page.getByRole("button", { name: /Save rule|Disable|Delete/ })).toHaveCount(0);
  await expect(page.getByText("Only admins change rules.")).toBeVisible();
  // The test bench is read-only help, open to moderators too.
  await page.getByLabel("Test text").fill("you are an idiot");
  await expect(page.getByTestId("bench-highlight").getByTestId("match")).toHaveText("idiot");
});
