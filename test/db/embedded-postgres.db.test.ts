import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { resolveDatabase } from "@/lib/db/resolve-database";

const scratch = mkdtempSync(path.join(os.tmpdir(), "moddesk-embedded-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("the embedded PostgreSQL of npm start", () => {
  it("keeps its data across a stop and a start, on a new free port each time", async () => {
    const first = await startEmbeddedPostgres({ baseDir: scratch });
    await query(first.url, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('survives restarts')");
    await first.stop();

    const second = await startEmbeddedPostgres({ baseDir: scratch });
    try {
      expect(await query<{ value: string }>(second.url, "SELECT value FROM kept")).toEqual([{ value: "survives restarts" }]);
    } finally {
      await second.stop();
    }
  });

  it("refuses a second server on the same data folder with a message saying why", async () => {
    const running = await startEmbeddedPostgres({ baseDir: scratch });
    try {
      await expect(startEmbeddedPostgres({ baseDir: scratch })).rejects.toThrow(/could not start the embedded PostgreSQL/);
    } finally {
      await running.stop();
    }
  });

  it("says clearly when DATABASE_URL cannot be reached", async () => {
    await expect(resolveDatabase({ databaseUrl: "postgresql://nobody:secret@127.0.0.1:1/nothing", dataDir: scratch })).rejects.toThrow(
      /cannot reach the database at 127\.0\.0\.1:1\/nothing: .*\nCheck DATABASE_URL, or unset it/,
    );
  });
});
