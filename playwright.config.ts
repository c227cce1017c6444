import { defineConfig, devices } from "@playwright/test";

// End-to-end tests run against a production build (`next start`) on a fresh embedded PostgreSQL,
// in Debian's Chromium (never a downloaded browser). See e2e/support/serve.ts.

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  // Side-by-side runs (different NEXT_DIST_DIR) must not wipe each other's artifacts.
  outputDir: `test-results/${(process.env.NEXT_DIST_DIR ?? ".next").replace(/^\./, "") || "next"}`,
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: `test-results/e2e-results${process.env.NEXT_DIST_DIR ?? ""}.json` }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "node bin/run-ts.mjs e2e/support/serve.ts",
    url: `${baseURL}/sign-in`,
    reuseExistingServer: false,
    // A first production build on a busy 2-core machine can take several minutes.
    timeout: 900_000,
    stdout: "pipe",
    stderr: "pipe",
    // SIGTERM first, so that serve.ts stops its database and removes its temporary folder (without
    // it Playwright SIGKILLs the group and every run left a PostgreSQL cluster in /tmp); killed
    // all the same if that takes longer than 20 s.
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    env: { E2E_PORT: String(port) },
  },
});
