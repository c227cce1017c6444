import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { withDatabase } from "../lib/db/connection-url";

// Runs in each database test file's worker before its imports touch the database: a fresh copy
// of the migrated template, so files never see each other's rows.

const serverUrl = inject("serverUrl");
const database = `moddesk_test_${randomBytes(6).toString("hex")}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${database} TEMPLATE ${inject("templateDatabase")}`);
await admin.end();

process.env.DATABASE_URL = withDatabase(serverUrl, database);
// A developer's own DIRECT_DATABASE_URL would send this file's imports to another database.
delete process.env.DIRECT_DATABASE_URL;
process.env.BETTER_AUTH_SECRET ??= randomBytes(32).toString("hex");
// The audit key and checkpoints of this file's database, never the checkout's own .moddesk/.
process.env.AUDIT_HMAC_KEY ??= randomBytes(32).toString("hex");
process.env.MODDESK_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "moddesk-test-data-"));

afterAll(async () => {
  const { getDb } = await import("../lib/db/client");
  const { closePgPool } = await import("../lib/db/pg-pool");
  await getDb().$disconnect();
  await closePgPool();
  const cleanup = new pg.Client({ connectionString: serverUrl });
  await cleanup.connect();
  await cleanup.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await cleanup.end();
  rmSync(process.env.MODDESK_DATA_DIR ?? "", { recursive: true, force: true });
});
