import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { findFreePort, startEmbeddedPostgres, type EmbeddedDatabase } from "../lib/db/embedded-postgres";
import { applyPendingMigrations } from "../lib/db/migrations";

// A second server of its own: this test stops and restarts the database under a running app.

let dataDir = "";
let database: EmbeddedDatabase | null = null;
let server: ChildProcess | null = null;
let baseUrl = "";
let databasePort = 0;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = mkdtempSync(path.join(os.tmpdir(), "moddesk-outage-"));
  databasePort = await findFreePort();
  database = await startEmbeddedPostgres({ baseDir: dataDir, port: databasePort });
  await applyPendingMigrations(database.url);
  const appPort = await findFreePort();
  baseUrl = `http://127.0.0.1:${appPort}`;
  server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(appPort), "-H", "127.0.0.1"], {
    stdio: "ignore",
    env: { ...process.env, DATABASE_URL: database.url, BETTER_AUTH_SECRET: "x".repeat(40), MODDESK_URL: baseUrl, NODE_ENV: "production" },
  });
  await expect.poll(async () => (await fetch(`${baseUrl}/sign-in`).catch(() => null))?.status ?? 0, { timeout: 60_000 }).toBe(200);
});

test.afterAll(async () => {
  server?.kill("SIGTERM");
  await database?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test("while the database is down the app answers a clear 503, and it recovers by itself when it is back", async ({ page }) => {
  await database?.stop();
  await expect.poll(async () => (await fetch(`${baseUrl}/sign-in`)).status, { timeout: 15_000 }).toBe(503);
  const response = await page.goto(`${baseUrl}/queue`);
  expect(response?.status()).toBe(503);
  await expect(page.getByRole("heading", { name: "Moddesk cannot reach its database" })).toBeVisible();
  const api = await fetch(`${baseUrl}/api/v1/comments`);
  expect(api.status).toBe(503);
  expect(((await api.json()) as { error: { code: string } }).error.code).toBe("UNAVAILABLE");

  database = await startEmbeddedPostgres({ baseDir: dataDir, port: databasePort });
  await expect.poll(async () => (await fetch(`${baseUrl}/sign-in`)).status, { timeout: 15_000 }).toBe(200);
  await page.goto(`${baseUrl}/sign-in`);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});
