import { describe, expect, it } from "vitest";
import pg from "pg";
import { applyPendingMigrations, readMigrationList, schemaDrift } from "./migrations";

const databaseUrl = () => process.env.DATABASE_URL ?? "";

describe("migrations against real PostgreSQL", () => {
  it("leave the database exactly as schema.prisma describes it", async () => {
    expect(await schemaDrift(databaseUrl())).toBeNull();
  });

  it("apply nothing a second time", async () => {
    expect(await applyPendingMigrations(databaseUrl())).toEqual([]);
  });

  it("are all in Prisma Migrate's layout", () => {
    const list = readMigrationList();
    expect(list.lockfile.content).toContain('provider = "postgresql"');
    expect(list.migrationDirectories.length).toBeGreaterThan(0);
    for (const directory of list.migrationDirectories) {
      expect(directory.path).toMatch(/^\d{14}_[a-z0-9_]+$/);
      expect(directory.migrationFile.content.tag).toBe("ok");
    }
  });

  it("notice a database that has drifted from the schema", async () => {
    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    try {
      await client.query(`ALTER TABLE article ADD COLUMN "sneakedIn" text`);
      const drift = await schemaDrift(databaseUrl());
      expect(drift).toContain("sneakedIn");
    } finally {
      await client.query(`ALTER TABLE article DROP COLUMN IF EXISTS "sneakedIn"`);
      await client.end();
    }
  });
});
