import { expect, test } from "@playwright/test";
import { signIn } from "./support/fixtures";

// The Audit log page: filters in the URL, expandable details, and the moderators' narrower view.

test("an admin filters the audit log by action and expands an event", async ({ page }) => {
  await signIn(page, "admin");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();

  await page.getByLabel("Action").fill("auth.sign_in");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/\/audit\?.*action=auth\.sign_in/);
  await expect(page.getByLabel("Action")).toHaveValue("auth.sign_in");
  const actions = page.getByTestId("audit-action");
  await expect(actions.first()).toHaveText("auth.sign_in");
  expect(new Set(await actions.allTextContents())).toEqual(new Set(["auth.sign_in"]));

  const newest = page.getByTestId("audit-table").locator("tbody tr").first();
  await expect(newest.getByRole("link")).toHaveAttribute("href", "/users");
  await expect(newest.getByTestId("audit-sentence")).toHaveText(/^\S+@\S+ signed in$/);
  await newest.getByText("show").click();
  await expect(newest.getByTestId("audit-details")).toContainText("ipAddress");

  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByLabel("Action")).toHaveValue("");
});

test("a moderator sees decision events only: no sign-in events, even when asking for them", async ({ page }) => {
  await signIn(page, "moderator");
  await page.goto("/audit");
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  const actions = await page.getByTestId("audit-action").allTextContents();
  expect(actions.filter((action) => action.startsWith("auth."))).toEqual([]);

  for (const query of ["action=auth.sign_in", "entityType=user", `actor=${encodeURIComponent("moderator")}&action=auth.sign_in`]) {
    await page.goto(`/audit?${query}`);
    await expect(page.getByTestId("audit-table")).toContainText("Nothing yet.");
  }
});
