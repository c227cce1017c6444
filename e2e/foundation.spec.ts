import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { credentials, signIn } from "./support/fixtures";

const DEMO_TITLE = "Pakistan building digital espionage capacity to rival the US";

/** The demo article's id: specs that ran before this one may have added comments elsewhere. */
async function demoArticleId(): Promise<number> {
  const client = new pg.Client({ connectionString: credentials().databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ id: number }>(`SELECT id FROM article WHERE title = $1`, [DEMO_TITLE])).rows[0]!.id;
  } finally {
    await client.end();
  }
}

test("an admin signs in, sees the 21 sample comments as text, and signs out", async ({ page }) => {
  await signIn(page, "admin");
  await expect(page.getByTestId("current-role")).toHaveText("admin");
  await expect(page).toHaveURL(/\/queue$/);
  await page.goto(`/queue?article=${await demoArticleId()}`);
  await expect(page.getByTestId("comment-card")).toHaveCount(21);
  await expect(page.getByRole("heading", { name: DEMO_TITLE })).toBeVisible();
  await expect(page.getByTestId("comment-body").filter({ hasText: /^So this is good\.$/ })).toHaveCount(1);
  await expect(page.getByTestId("comment-body").filter({ hasText: "Why can’t we?" })).toHaveCount(1);
  for (const link of ["Queue", "Rules", "Audit log", "Imports", "Exports", "Users"]) {
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: link })).toBeVisible();
  }

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/queue");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fqueue/);
});

test("a moderator is refused an admin page with 403 and does not see admin links", async ({ page }) => {
  await signIn(page, "moderator");
  await expect(page.getByTestId("current-role")).toHaveText("moderator");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toHaveCount(0);
  const response = await page.goto("/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "This area is for admins" })).toBeVisible();
  const imports = await page.goto("/imports");
  expect(imports?.status()).toBe(403);
});

test("an anonymous visitor is sent to sign-in, and an anonymous API call gets 401", async ({ page, request }) => {
  await page.goto("/rules");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Frules/);
  const api = await request.get("/api/v1/comments");
  expect(api.status()).toBe(401);
  expect((await api.json()).error.code).toBe("UNAUTHORIZED");
});

test("a wrong password is refused in words, and the sixth failure in a row locks the account for a while", async ({ page }) => {
  const { email } = credentials().throttled;
  await page.goto("/sign-in");
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong-password-${attempt}`);
    await submitAndWait(page);
    await expect(page.getByTestId("form-error")).toHaveText("Wrong email or password.");
  }
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(credentials().throttled.password);
  await submitAndWait(page);
  await expect(page.getByTestId("form-error")).toContainText(/Too many failed sign-ins\. Try again in 15 minutes/);
  await expect(page).toHaveURL(/\/sign-in/);
});

/**
 * Submits the sign-in form and waits until the page shows the server's answer, not for a fixed
 * time. The network answer alone is not enough: until React renders it, the previous attempt's
 * error is still on screen (so the next assertion passed on stale text), and React then resets the
 * form, wiping a password typed in the meantime: that attempt went out empty, was refused as
 * invalid without counting as a failure, and the "sixth" attempt was only the fifth (it signed in).
 */
async function submitAndWait(page: Page): Promise<void> {
  await Promise.all([page.waitForResponse((response) => response.request().method() === "POST"), page.getByRole("button", { name: "Sign in" }).click()]);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  await expect(page.getByLabel("Password")).toHaveValue("");
}

test("every page carries the security headers, and the session cookie is HttpOnly and SameSite=Lax", async ({ page }) => {
  const response = await page.goto("/sign-in");
  const headers = response?.headers() ?? {};
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");

  await signIn(page, "moderator");
  const cookie = (await page.context().cookies()).find((candidate) => candidate.name.includes("session_token"));
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");
});
