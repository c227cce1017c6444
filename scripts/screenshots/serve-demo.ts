import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { findFreePort, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { ensureEmbeddedRoles, grantAppRights } from "@/lib/db/embedded-roles";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { projectRoot } from "@/lib/env";
import { buildIfStale } from "../lib/build-if-stale";

// The desk the README's screenshots show: a throwaway embedded PostgreSQL set up as on a first
// `npm start` (the demo thread from data/demo, the default rules, the demo admin) plus two named
// moderators, served by `next start` from the production build. Nothing of the checkout's .moddesk/.

/** The demo thread is from Karachi: a server there shows its times as its readers saw them (the desk's default zone is the server's). */
const DESK_TIME_ZONE = "Asia/Karachi";

export interface Account {
  email: string;
  password: string;
}

export interface DemoDesk {
  url: string;
  admin: Account;
  moderator: Account;
  stop: () => Promise<void>;
}

async function waitUntilServing(url: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    try {
      if ((await fetch(`${url}/sign-in`, { redirect: "manual" })).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the web server did not answer at ${url} within 2 minutes`);
}

export async function serveDemoDesk(say: (line: string) => void): Promise<DemoDesk> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "moddesk-screens-"));
  const database = await startEmbeddedPostgres({ baseDir: dataDir });
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const roles = await ensureEmbeddedRoles(database.url, dataDir);
  Object.assign(process.env, { DATABASE_URL: roles.appUrl, MODDESK_DATA_DIR: dataDir, BETTER_AUTH_SECRET: randomBytes(32).toString("hex"), MODDESK_URL: url });
  await applyPendingMigrations(roles.ownerUrl);
  await grantAppRights(roles.ownerUrl);

  const { runFirstRun } = await import("@/lib/setup/first-run");
  const { createUser } = await import("@/lib/auth/create-user");
  const { db } = await import("@/lib/db/client");
  const firstRun = await runFirstRun(say);
  if (!firstRun.demoAdmin) throw new Error("the screenshot database was not empty");
  const moderator = await createUser(db, { email: "ana.moreno@example.org", name: "Ana Moreno", role: "moderator" }, SYSTEM_ACTOR);
  await createUser(db, { email: "tomas.ruiz@example.org", name: "Tomás Ruiz", role: "moderator" }, SYSTEM_ACTOR);
  await db.$disconnect();

  await buildIfStale(say);
  const server = spawn(
    process.execPath,
    ["--import", pathToFileURL(path.join(projectRoot, "scripts/lib/stamp-peer-address.mjs")).href, path.join(projectRoot, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    { cwd: projectRoot, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", TZ: DESK_TIME_ZONE } },
  );
  const stop = async () => {
    server.kill("SIGTERM");
    await new Promise((resolve) => (server.exitCode === null ? server.once("exit", resolve) : resolve(null)));
    await database.stop().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilServing(url);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, admin: firstRun.demoAdmin, moderator: { email: moderator.email, password: moderator.password }, stop };
}
