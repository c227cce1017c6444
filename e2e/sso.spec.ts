import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { credentials } from "./support/fixtures";
import { createAccount, withDatabase } from "./support/http-from";
import { startOidcProvider, type LoopbackProvider } from "./support/oidc-provider";
import { freeLoopbackPort, startSsoServer, type SsoServer } from "./support/sso-server";

// Issue 16 item 3: single sign-on through a real OpenID Connect provider (oidc-provider) on
// loopback, in Chromium. This spec runs its own Moddesk server (same build, same database) with
// SSO on and password sign-in off; nothing leaves loopback (other requests are aborted).

const stamp = randomUUID().slice(0, 8);
const adminEmail = `chief-${stamp}@newsroom.test`;
let provider: LoopbackProvider;
let server: SsoServer;
// Every browser context this spec opens, closed before the servers stop: an open Chromium keeps
// keep-alive connections to both, and a server waiting on them outlived the hook's 30 s in CI.
const openContexts: BrowserContext[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // The port is free when freeLoopbackPort looks and bound by next start seconds later; on a busy
  // machine another process can take it in between. That case alone (EADDRINUSE) picks another port.
  for (let attempt = 1; ; attempt += 1) {
    const port = await freeLoopbackPort();
    provider = await startOidcProvider(`http://127.0.0.1:${port}/api/auth/callback/oidc`);
    try {
      server = await startSsoServer(port, credentials().databaseUrl, {
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: provider.clientSecret,
        OIDC_ALLOWED_DOMAINS: "newsroom.test, e2e.test",
        OIDC_ADMIN_EMAILS: `${adminEmail}, desk-chief-${stamp}@e2e.test`,
        OIDC_BUTTON_LABEL: "Loopback IdP",
        MODDESK_PASSWORD_SIGNIN: "off",
      });
      return;
    } catch (error) {
      await provider.stop();
      if (attempt === 3 || !String(error).includes("EADDRINUSE")) throw error;
    }
  }
});

test.afterAll(async () => {
  await Promise.all(openContexts.map((context) => context.close()));
  await server?.stop();
  await provider?.stop();
});

const databaseUrl = () => credentials().databaseUrl;

async function loopbackOnlyPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  openContexts.push(context);
  // The provider's development pages link a web font: never fetched.
  await context.route((url) => url.hostname !== "127.0.0.1", (route) => route.abort());
  return context.newPage();
}

/** From Moddesk's sign-in page through the provider's login and consent pages, and back. */
async function signInThroughProvider(page: Page, email: string): Promise<void> {
  await page.goto(`${server.baseUrl}/sign-in`);
  await page.getByRole("button", { name: "Sign in with Loopback IdP" }).click();
  await page.waitForURL((url) => url.origin === provider.issuer);
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

async function userRow(email: string): Promise<{ id: string; role: string } | undefined> {
  return withDatabase(databaseUrl(), async (client) => (await client.query<{ id: string; role: string }>(`SELECT id, role FROM "user" WHERE email = $1`, [email])).rows[0]);
}

async function auditRows(email: string): Promise<{ action: string; method: string | null; reason: string | null; role: string | null }[]> {
  return withDatabase(databaseUrl(), async (client) => {
    const result = await client.query<{ action: string; method: string | null; reason: string | null; role: string | null }>(
      `SELECT action, details->>'method' AS method, details->>'reason' AS reason, details->>'role' AS role FROM audit_event WHERE "actorLabel" = $1 ORDER BY id`,
      [email],
    );
    return result.rows;
  });
}

async function linkedIdentities(email: string): Promise<number | undefined> {
  return withDatabase(databaseUrl(), async (client) => {
    const result = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM account a JOIN "user" u ON u.id = a."userId" WHERE u.email = $1 AND a."providerId" = 'oidc'`, [email]);
    return result.rows[0]?.count;
  });
}

test("the sign-in page offers the provider and no password form when passwords are off", async ({ browser }) => {
  const page = await loopbackOnlyPage(browser);
  await page.goto(`${server.baseUrl}/sign-in`);
  await expect(page.getByRole("button", { name: "Sign in with Loopback IdP" })).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveCount(0);
  await expect(page.getByText('Password sign-in is turned off on this Moddesk. Use "Sign in with Loopback IdP".')).toBeVisible();
});

test("a new user signs in through the provider, arrives as a moderator, and it is audited", async ({ browser }) => {
  const email = `ana-${stamp}@newsroom.test`;
  const page = await loopbackOnlyPage(browser);
  await signInThroughProvider(page, email);
  await expect(page).toHaveURL(`${server.baseUrl}/queue`);
  await expect(page.getByTestId("current-user")).toHaveText(email);
  expect(await userRow(email)).toMatchObject({ role: "moderator" });
  expect(await auditRows(email)).toEqual([
    { action: "user.create", method: "sso", reason: null, role: "moderator" },
    { action: "auth.sign_in", method: "sso", reason: null, role: null },
  ]);
});

test("an email listed in OIDC_ADMIN_EMAILS arrives as an admin", async ({ browser }) => {
  const page = await loopbackOnlyPage(browser);
  await signInThroughProvider(page, adminEmail);
  await expect(page.getByTestId("current-user")).toHaveText(adminEmail);
  expect(await userRow(adminEmail)).toMatchObject({ role: "admin" });
  await page.goto(`${server.baseUrl}/users`);
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
});

test("an existing account signs in by SSO with its email and keeps its role", async ({ browser }) => {
  const account = await createAccount(databaseUrl(), "sso-existing");
  await withDatabase(databaseUrl(), (client) => client.query(`UPDATE "user" SET role = 'admin' WHERE email = $1`, [account.email]));
  const page = await loopbackOnlyPage(browser);
  await signInThroughProvider(page, account.email);
  await expect(page.getByTestId("current-user")).toHaveText(account.email);
  expect(await userRow(account.email)).toMatchObject({ role: "admin" });
});

test("an email outside the allowed domains is refused with a clear message, no account made, audited", async ({ browser }) => {
  const email = `outsider-${stamp}@elsewhere.test`;
  const page = await loopbackOnlyPage(browser);
  await signInThroughProvider(page, email);
  await expect(page).toHaveURL(/\/sign-in\?error=sso_domain_not_allowed/);
  await expect(page.getByTestId("sso-error")).toHaveText(/This email's domain is not allowed to sign in to Moddesk/);
  expect(await userRow(email)).toBeUndefined();
  expect(await auditRows(email)).toEqual([{ action: "auth.sign_in_failed", method: "sso", reason: "email domain not allowed", role: null }]);
});

test("an existing admin's email that the provider says is unverified is refused, not linked to the account", async ({ browser }) => {
  const account = await createAccount(databaseUrl(), "sso-unverified");
  await withDatabase(databaseUrl(), (client) => client.query(`UPDATE "user" SET role = 'admin' WHERE email = $1`, [account.email]));
  const page = await loopbackOnlyPage(browser);
  await signInThroughProvider(page, `${account.email}#unverified`);
  await expect(page).toHaveURL(/\/sign-in\?error=sso_email_unverified/);
  await expect(page.getByTestId("sso-error")).toHaveText(/says this email address is not verified/);
  expect(await linkedIdentities(account.email), "no SSO identity linked to the account").toBe(0);
  expect(await auditRows(account.email)).toEqual([{ action: "auth.sign_in_failed", method: "sso", reason: "email not verified by the provider", role: null }]);
  await page.goto(`${server.baseUrl}/queue`);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
});

test("nOAuth: an identity whose provider does not confirm an existing admin's email is not signed in to that account", async ({ browser }) => {
  const account = await createAccount(databaseUrl(), "sso-unasserted");
  await withDatabase(databaseUrl(), (client) => client.query(`UPDATE "user" SET role = 'admin' WHERE email = $1`, [account.email]));
  const page = await loopbackOnlyPage(browser);
  await signInThroughProvider(page, `${account.email}#unasserted`);
  await expect(page).toHaveURL(/\/sign-in\?error=sso_email_unconfirmed/);
  await expect(page.getByTestId("sso-error")).toHaveText(/did not confirm that the address is yours/);
  expect(await linkedIdentities(account.email), "no SSO identity linked to the account").toBe(0);
  expect(await auditRows(account.email)).toEqual([{ action: "auth.sign_in_failed", method: "sso", reason: "email not confirmed by the provider: not linked to the existing account", role: null }]);
  await page.goto(`${server.baseUrl}/queue`);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
});

test("nOAuth: an email in OIDC_ADMIN_EMAILS that the provider does not confirm arrives as a moderator, and signs in again", async ({ browser }) => {
  const email = `desk-chief-${stamp}@e2e.test`;
  const page = await loopbackOnlyPage(browser);
  await signInThroughProvider(page, `${email}#unasserted`);
  await expect(page.getByTestId("current-user")).toHaveText(email);
  expect(await userRow(email)).toMatchObject({ role: "moderator" });
  expect(await auditRows(email)).toEqual([
    { action: "user.create", method: "sso", reason: null, role: "moderator" },
    { action: "auth.sign_in", method: "sso", reason: null, role: null },
  ]);
  // The identity is linked by its subject now: a second sign-in opens the same account.
  const again = await loopbackOnlyPage(browser);
  await signInThroughProvider(again, `${email}#unasserted`);
  await expect(again.getByTestId("current-user")).toHaveText(email);
});

test("a disabled account cannot sign in by SSO either", async ({ browser }) => {
  const account = await createAccount(databaseUrl(), "sso-disabled", { isDisabled: true });
  const page = await loopbackOnlyPage(browser);
  await signInThroughProvider(page, account.email);
  await expect(page.getByTestId("sso-error")).toHaveText("This account is disabled. Ask an admin to enable it.");
  expect(await auditRows(account.email)).toEqual([{ action: "auth.sign_in_failed", method: "sso", reason: "account disabled", role: null }]);
  await page.goto(`${server.baseUrl}/queue`);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
});

test("with passwords off the API refuses a right password, and better-auth's own endpoints are not served", async ({ request }) => {
  const { email, password } = credentials().moderator;
  const refused = await request.post(`${server.baseUrl}/api/v1/sessions`, { data: { email, password } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()) as unknown).toEqual({ error: { code: "FORBIDDEN", message: 'Password sign-in is turned off on this Moddesk. Use "Sign in with Loopback IdP".' } });
  expect((await auditRows(email)).at(-1)).toEqual({ action: "auth.sign_in_failed", method: "password", reason: "password sign-in turned off", role: null });

  expect((await request.post(`${server.baseUrl}/api/auth/sign-in/email`, { data: { email, password } })).status()).toBe(405);
  expect((await request.get(`${server.baseUrl}/api/auth/get-session`)).status()).toBe(404);
  expect((await request.get(`${server.baseUrl}/api/auth/callback/github?code=x&state=y`)).status()).toBe(404);
});

test("cancelling at the provider brings the moderator back to sign-in in words, audited without an email", async ({ browser }) => {
  const countCancelled = () =>
    withDatabase(databaseUrl(), async (client) => {
      const result = await client.query<{ count: string }>(
        `SELECT count(*) FROM audit_event WHERE action = 'auth.sign_in_failed' AND "actorLabel" = 'system' AND details->>'method' = 'sso' AND details->>'reason' = 'sso callback failed: access_denied'`,
      );
      return Number(result.rows[0]?.count);
    });
  const before = await countCancelled();
  const page = await loopbackOnlyPage(browser);
  await page.goto(`${server.baseUrl}/sign-in`);
  await page.getByRole("button", { name: "Sign in with Loopback IdP" }).click();
  await page.waitForURL((url) => url.origin === provider.issuer);
  await page.getByRole("link", { name: "[ Cancel ]" }).click();
  await expect(page).toHaveURL(/\/sign-in\?error=access_denied/);
  await expect(page.getByTestId("sso-error")).toHaveText("Single sign-on did not complete. Try again; if it persists, tell your admin.");
  expect(await countCancelled()).toBe(before + 1);
});
