// The web server Playwright starts: a fresh embedded PostgreSQL in a temporary folder, migrated
// and set up as on a first `npm start` (demo thread, default rules, demo admin), plus test
// accounts with generated passwords written to .moddesk-e2e/credentials.json. Then `next start`.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { ensureEmbeddedRoles, grantAppRights } from "@/lib/db/embedded-roles";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { projectRoot } from "@/lib/env";
import { buildIfStale } from "../../scripts/lib/build-if-stale";
import { CREDENTIALS_FILE, E2E_STATE_DIR, type E2eCredentials } from "./state";
import { stopProcess } from "../../scripts/lib/stop-process";

const port = Number(process.env.E2E_PORT ?? 3210);
const dataDir = mkdtempSync(path.join(os.tmpdir(), "moddesk-e2e-"));
const database = await startEmbeddedPostgres({ baseDir: dataDir });
const cleanup = async () => {
  // Immediate: the folder is deleted next, and a checkpoint of the run's writes can outlast Playwright's 20 s.
  await database.stop({ immediate: true }).catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
};
// The app runs as the embedded setup's app role, as under npm start (the tests seed through the
// superuser's databaseUrl in the credentials file).
const roles = await ensureEmbeddedRoles(database.url, dataDir);
process.env.DATABASE_URL = roles.appUrl;
// The audit key and checkpoints of this throwaway database, never the checkout's .moddesk/.
process.env.MODDESK_DATA_DIR = dataDir;
process.env.BETTER_AUTH_SECRET = randomBytes(32).toString("hex");
process.env.MODDESK_URL = `http://127.0.0.1:${port}`;

await applyPendingMigrations(roles.ownerUrl);
await grantAppRights(roles.ownerUrl);
const { runFirstRun } = await import("@/lib/setup/first-run");
const { createUser } = await import("@/lib/auth/create-user");
const { db } = await import("@/lib/db/client");
const firstRun = await runFirstRun(() => {});
if (!firstRun.demoAdmin) throw new Error("the e2e database was not empty");
const stamp = randomBytes(3).toString("hex");
const moderator = await createUser(db, { email: `moderator-${stamp}@e2e.test`, role: "moderator" }, SYSTEM_ACTOR);
const moderator2 = await createUser(db, { email: `moderator2-${stamp}@e2e.test`, role: "moderator" }, SYSTEM_ACTOR);
const throttled = await createUser(db, { email: `throttled-${stamp}@e2e.test`, role: "moderator" }, SYSTEM_ACTOR);
const credentials: E2eCredentials = {
  admin: firstRun.demoAdmin,
  moderator: { email: moderator.email, password: moderator.password },
  moderator2: { email: moderator2.email, password: moderator2.password },
  throttled: { email: throttled.email, password: throttled.password },
  databaseUrl: database.url,
};
mkdirSync(E2E_STATE_DIR, { recursive: true });
writeFileSync(CREDENTIALS_FILE, JSON.stringify(credentials, null, 2));

await buildIfStale((line) => process.stdout.write(`${line}\n`));
// As npm start: the preload stamps each request with its TCP peer (lib/auth/client-address.ts).
// 127.0.0.2 plays a reverse proxy: e2e/sign-in-security.spec.ts connects from it, and from other
// loopback addresses that are not trusted.
const stampPeerAddress = pathToFileURL(path.join(projectRoot, "scripts/lib/stamp-peer-address.mjs")).href;
const server = spawn(process.execPath, ["--import", stampPeerAddress, path.join(projectRoot, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
  cwd: projectRoot,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", TRUSTED_PROXIES: "127.0.0.2" },
});
// Playwright ends the run with SIGTERM to this process group (playwright.config.ts, gracefulShutdown):
// next start first (killed if still up after 5 s), then the database, then its temporary folder,
// which a SIGKILL would have left behind in /tmp at every run. Once only: the signal, and next
// start's own exit that follows it, both land here.
let isStopping = false;
const stop = async (exitCode: number) => {
  if (isStopping) return;
  isStopping = true;
  await stopProcess(server, { graceMs: 5_000 });
  await cleanup();
  process.exit(exitCode);
};
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));
server.on("exit", () => void stop(1));
