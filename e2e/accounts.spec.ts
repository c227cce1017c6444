import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { credentials, signIn } from "./support/fixtures";
import { withDatabase } from "./support/seed";
import { expect, test } from "./support/test";

// A leaving moderator, a forgotten password, a promotion: all from the Users page, all audited.

async function signInAs(page: Page, email: string, password: string): Promise<Page> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  return page;
}

test("an admin disables, enables, promotes, demotes and resets a moderator; the moderator changes their own password", async ({ page, openPage }) => {
  // Four sign-ins and a dozen pages, the first spec against a server just started: 32 s at load 15 on two cores.
  test.setTimeout(60_000);
  page.on("dialog", (dialog) => void dialog.accept());
  const email = `leaving-${randomBytes(4).toString("hex")}@e2e.test`;
  await signIn(page, "admin");
  await page.goto("/users");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Create account" }).click();
  const created = (await page.getByTestId("created-user").locator("code").textContent()) ?? "";
  expect(created.length).toBeGreaterThan(10);

  const moderator = await signInAs(await openPage(), email, created);
  await expect(moderator.getByTestId("current-user")).toHaveText(email);

  const actions = page.getByTestId(`user-actions-${email}`);
  await actions.getByRole("button", { name: "Disable" }).click();
  await expect(actions.getByTestId("user-action-result")).toContainText(`${email} is disabled: 1 session(s) ended`);
  await expect(page.getByTestId("users-table").locator("tr", { hasText: email })).toContainText("disabled");

  // The moderator's open session is over at once: the next page asks them to sign in.
  await moderator.goto("/queue");
  await expect(moderator).toHaveURL(/\/sign-in/);

  await actions.getByRole("button", { name: "Enable" }).click();
  await expect(actions.getByTestId("user-action-result")).toContainText("can sign in again");
  await actions.getByRole("button", { name: "Make admin" }).click();
  await expect(actions.getByTestId("user-action-result")).toContainText("is now an admin");
  await actions.getByRole("button", { name: "Make moderator" }).click();
  await expect(actions.getByTestId("user-action-result")).toContainText("is now a moderator");

  await actions.getByRole("button", { name: "Reset password" }).click();
  const resetTo = (await actions.getByTestId("reset-password-value").textContent()) ?? "";
  expect(resetTo).not.toBe(created);

  const again = await signInAs(await openPage(), email, resetTo);
  await expect(again.getByTestId("current-user")).toHaveText(email);
  await again.getByTestId("current-user").click();
  await expect(again.getByRole("heading", { name: "Your account" })).toBeVisible();
  await again.getByLabel("Current password").fill(resetTo);
  await again.getByLabel("New password (at least 12 characters)").fill("my own long passphrase");
  await again.getByLabel("New password again").fill("my own long passphrase");
  await again.getByRole("button", { name: "Change password" }).click();
  await expect(again.getByTestId("password-result")).toContainText("Password changed");
  const withOwn = await signInAs(await openPage(), email, "my own long passphrase");
  await expect(withOwn.getByTestId("current-user")).toHaveText(email);

  await page.goto(`/audit?entityType=user`);
  const actionsLogged = await page.getByTestId("audit-action").allTextContents();
  for (const action of ["user.disable", "user.enable", "user.change_role", "user.reset_password", "user.change_password"]) expect(actionsLogged).toContain(action);
});

test("the last admin cannot be demoted", async ({ page }) => {
  const adminEmail = credentials().admin.email;
  // Other specs may have made admins: leave the demo admin as the only one, as on a fresh desk.
  await withDatabase((client) => client.query(`UPDATE "user" SET role = 'moderator' WHERE role = 'admin' AND email <> $1`, [adminEmail]));
  await signIn(page, "admin");
  await page.goto("/users");
  const actions = page.getByTestId(`user-actions-${adminEmail}`);
  await expect(actions.getByRole("button", { name: "Disable" })).toHaveCount(0);
  await actions.getByRole("button", { name: "Make moderator" }).click();
  await expect(actions.getByTestId("user-action-result")).toContainText("Cannot demote the last admin");
  await page.reload();
  await expect(page.getByTestId("current-role")).toHaveText("admin");
});
