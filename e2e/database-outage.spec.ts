import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { findFreePort, startEmbeddedPostgres, type EmbeddedDatabase } from "../lib/db/embedded-postgres";
import { applyPendingMigrations } from "../lib/db/migrations";
import { waitUntilServing } from "./support/sso-server";
import { stopProcess } from "../scripts/lib/stop-process";

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
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DATABASE_URL: database.url, BETTER_AUTH_SECRET: "x".repeat(40), MODDESK_URL: baseUrl, NODE_ENV: "production" },
  });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8_000));
  server.stdout?.on("data", keep);
  server.stderr?.on("data", keep);
  await waitUntilServing(`${baseUrl}/sign-in`, server, () => output, "the outage spec's server");
});

test.afterAll(async () => {
  // Awaited and bounded: a server left shutting down (its pool reconnecting to a stopped database)
  // would run on into the next spec, or outlive the run.
  if (server) await stopProcess(server, { graceMs: 5_000 });
  await database?.stop({ immediate: true });
  rmSync(dataDir, { recursive: true, force: true });
});

/** The app's status for its sign-in page; 0 while a request fails (a connection reset under load is a retry, not the answer). */
const signInStatus = () => fetch(`${baseUrl}/sign-in`, { signal: AbortSignal.timeout(10_000) }).then((response) => response.status, () => 0);

test("while the database is down the app answers a clear 503, and it recovers by itself when it is back", async ({ page }) => {
  await database?.stop();
  await expect.poll(signInStatus, { timeout: 15_000 }).toBe(503);
  const response = await page.goto(`${baseUrl}/queue`);
  expect(response?.status()).toBe(503);
  await expect(page.getByRole("heading", { name: "Moddesk cannot reach its database" })).toBeVisible();
  const api = await fetch(`${baseUrl}/api/v1/comments`);
  expect(api.status).toBe(503);
  expect(((await api.json()) as { error: { code: string } }).error.code).toBe("UNAVAILABLE");

  database = await startEmbeddedPostgres({ baseDir: dataDir, port: databasePort });
  await expect.poll(signInStatus, { timeout: 15_000 }).toBe(200);
  await page.goto(`${baseUrl}/sign-in`);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});
