import { randomBytes } from "node:crypto";
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
process.env.BETTER_AUTH_SECRET ??= randomBytes(32).toString("hex");

afterAll(async () => {
  const { getDb } = await import("../lib/db/client");
  const { closePgPool } = await import("../lib/db/pg-pool");
  await getDb().$disconnect();
  await closePgPool();
  const cleanup = new pg.Client({ connectionString: serverUrl });
  await cleanup.connect();
  await cleanup.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await cleanup.end();
});
