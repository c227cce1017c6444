import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { withDatabase } from "../lib/db/connection-url";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { applyPendingMigrations } from "../lib/db/migrations";
import { requireDebianProgram } from "./support/debian-programs";

// One PostgreSQL for the database tier: TEST_DATABASE_URL when given, else a throwaway server in a
// temporary folder: the embedded one (PostgreSQL 18), or with MODDESK_TEST_POSTGRES=debian Debian's
// own (another major version: 15 on bookworm; npm test runs a subset on it, docs/testing.md). A
// migrated template database is made once; each test file gets its own copy.

export const TEMPLATE_DATABASE = "moddesk_test_template";

declare module "vitest" {
  export interface ProvidedContext {
    serverUrl: string;
    templateDatabase: string;
  }
}

const DEBIAN_POSTGRES_ROOT = "/usr/lib/postgresql";

/** Debian's newest installed PostgreSQL (/usr/lib/postgresql/<major>), or an error naming the package to install. */
export function debianPostgresDir(): string {
  const majors = existsSync(DEBIAN_POSTGRES_ROOT)
    ? readdirSync(DEBIAN_POSTGRES_ROOT).filter((name) => /^\d+$/.test(name) && existsSync(path.join(DEBIAN_POSTGRES_ROOT, name, "bin", "initdb")))
    : [];
  const newest = majors.sort((a, b) => Number(b) - Number(a))[0];
  const initdb = requireDebianProgram([newest ? path.join(DEBIAN_POSTGRES_ROOT, newest, "bin", "initdb") : `${DEBIAN_POSTGRES_ROOT}/<version>/bin/initdb`], ["postgresql"]);
  return path.dirname(path.dirname(initdb));
}

function binariesDir(): string | undefined {
  const choice = process.env.MODDESK_TEST_POSTGRES;
  if (!choice || choice === "embedded") return undefined;
  if (choice === "debian") return debianPostgresDir();
  throw new Error(`MODDESK_TEST_POSTGRES must be "embedded" or "debian" (got "${choice}")`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let stop = async () => {};
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "moddesk-test-pg-"));
    const server = await startEmbeddedPostgres({ baseDir: dir, binariesDir: binariesDir() }).catch((error: unknown) => {
      // What failed and how to fix it, without a stack trace through the launcher.
      const message = `the database tests could not start their PostgreSQL (${error instanceof Error ? error.message : String(error)}); set TEST_DATABASE_URL to a server of your own to use that instead`;
      const short = new Error(message);
      short.stack = message;
      throw short;
    });
    serverUrl = server.url;
    stop = async () => {
      // Immediate: the folder is deleted next, so no checkpoint to wait for (Vitest exits on its own
      // after its teardown timeout, and a teardown cut short leaves the cluster in /tmp).
      await server.stop({ immediate: true });
      rmSync(dir, { recursive: true, force: true });
    };
  }
  try {
    await prepareTemplate(serverUrl);
  } catch (error) {
    // Vitest runs no teardown for a setup that threw: stopped here, or its cluster stays in /tmp.
    await stop();
    throw error;
  }
  project.provide("serverUrl", serverUrl);
  project.provide("templateDatabase", TEMPLATE_DATABASE);
  return stop;
}

async function prepareTemplate(serverUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const version = (await admin.query<{ server_version: string }>("SHOW server_version")).rows[0]?.server_version;
    if (process.env.MODDESK_TEST_POSTGRES === "debian") process.stdout.write(`database tests on Debian's PostgreSQL ${version}\n`);
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  await applyPendingMigrations(withDatabase(serverUrl, TEMPLATE_DATABASE));
}
