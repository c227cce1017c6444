import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { withDatabase } from "../lib/db/connection-url";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { applyPendingMigrations } from "../lib/db/migrations";

// One PostgreSQL for the database tier: TEST_DATABASE_URL when given, else an embedded server in a
// temporary folder. A migrated template database is made once; each test file gets its own copy.

export const TEMPLATE_DATABASE = "moddesk_test_template";

declare module "vitest" {
  export interface ProvidedContext {
    serverUrl: string;
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let stop = async () => {};
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "moddesk-test-pg-"));
    const server = await startEmbeddedPostgres({ baseDir: dir }).catch((error: unknown) => {
      // What failed and how to fix it, without a stack trace through the launcher.
      const message = `the database tests could not start their PostgreSQL (${error instanceof Error ? error.message : String(error)}); set TEST_DATABASE_URL to a server of your own to use that instead`;
      const short = new Error(message);
      short.stack = message;
      throw short;
    });
    serverUrl = server.url;
    stop = async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();
  await applyPendingMigrations(withDatabase(serverUrl, TEMPLATE_DATABASE));
  project.provide("serverUrl", serverUrl);
  project.provide("templateDatabase", TEMPLATE_DATABASE);
  return stop;
}
