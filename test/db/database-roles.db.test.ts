import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import PgBoss from "pg-boss";
import { afterAll, describe, expect, inject, it } from "vitest";
import { applyProductionRoles } from "@/lib/db/apply-roles";
import { withDatabase } from "@/lib/db/connection-url";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { refuseSuperuser } from "@/lib/db/refuse-superuser";
import { migrateResolvedDatabase, resolveDatabase, type ResolvedDatabase } from "@/lib/db/resolve-database";

// The embedded server's two roles: migrations as the owner, the app and the CLI as a role that can
// neither rewrite the audit log nor switch off its trigger, and pg-boss working as that role.

const scratch = mkdtempSync(path.join(os.tmpdir(), "moddesk-roles-"));
// Others may enter it, so that (run as root) the clusters stay inside it and go with it.
chmodSync(scratch, 0o755);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function expectAppRoleLocked(database: Pick<ResolvedDatabase, "url">, owner = "moddesk_owner"): Promise<void> {
  await withClient(database.url, async (client) => {
    const role = await client.query<{ rolsuper: boolean; rolcreaterole: boolean; rolcreatedb: boolean }>(`SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user`);
    expect(role.rows[0]).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false });
    await client.query(`INSERT INTO audit_event ("actorLabel", action, "entityType", "prevHash", hash) VALUES ('test', 'test.event', 'test', 'p', 'h-${Date.now()}')`);
    await expect(client.query(`UPDATE audit_event SET action = 'forged'`)).rejects.toThrow(/permission denied for table audit_event/);
    await expect(client.query(`DELETE FROM audit_event`)).rejects.toThrow(/permission denied for table audit_event/);
    await expect(client.query(`TRUNCATE audit_event`)).rejects.toThrow(/permission denied for table audit_event/);
    await expect(client.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`)).rejects.toThrow(/must be owner of table audit_event/);
    await expect(client.query(`ALTER TABLE audit_event OWNER TO CURRENT_USER`)).rejects.toThrow(/must be owner/);
    expect((await client.query<{ owner: string }>(`SELECT tableowner AS owner FROM pg_tables WHERE tablename = 'audit_event'`)).rows[0]?.owner).toBe(owner);
    // Ordinary rows: the app reads and writes them.
    await client.query(`UPDATE comment SET priority = priority WHERE false`);
  });
  const boss = new PgBoss({ connectionString: database.url, schema: "pgboss", supervise: false, schedule: false });
  // Its idle connections end when the server stops after the test.
  boss.on("error", () => {});
  await boss.start();
  try {
    await boss.createQueue("roles-test");
    expect(await boss.send("roles-test", { ok: true })).toEqual(expect.any(String));
  } finally {
    await boss.stop({ graceful: false, wait: true, close: true });
  }
}

describe("the embedded server's database roles", () => {
  it("run the app as a role that cannot change or remove audit events, with pg-boss working", async () => {
    const database = await resolveDatabase({ dataDir: path.join(scratch, "fresh") });
    try {
      await migrateResolvedDatabase(database);
      await expectAppRoleLocked(database);
      await expect(refuseSuperuser(database.url, false)).resolves.toBeNull();
    } finally {
      await database.release();
    }
  });

  it("upgrade a data folder of an earlier version, whose tables belong to the superuser, in place", async () => {
    const dataDir = path.join(scratch, "upgraded");
    const old = await startEmbeddedPostgres({ baseDir: dataDir });
    try {
      await applyPendingMigrations(old.url);
      const boss = new PgBoss({ connectionString: old.url, schema: "pgboss", supervise: false, schedule: false });
      boss.on("error", () => {});
      await boss.start();
      await boss.createQueue("from-before");
      await boss.stop({ graceful: false, wait: true, close: true });
    } finally {
      await old.stop();
    }
    const database = await resolveDatabase({ dataDir });
    try {
      expect(await migrateResolvedDatabase(database)).toEqual([]);
      await expectAppRoleLocked(database);
    } finally {
      await database.release();
    }
  });
});

describe("npm run db:roles -- --apply, on a PostgreSQL of the user's own", () => {
  it("creates the roles and pg-boss's schema, migrates as the owner and leaves the app role unable to rewrite the audit log", async () => {
    const stamp = randomBytes(3).toString("hex");
    const names = { owner: `owner_${stamp}`, app: `app_${stamp}`, database: `roles_${stamp}` };
    const serverUrl = inject("serverUrl");
    await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${names.database}`));
    try {
      const applied = await applyProductionRoles(withDatabase(serverUrl, names.database), names, { owner: randomBytes(12).toString("hex"), app: randomBytes(12).toString("hex") });
      expect(applied.appliedMigrations.length).toBeGreaterThan(0);
      await expectAppRoleLocked({ url: applied.appUrl }, names.owner);
      // The app role it prints passes every check npm start makes (no owner of the database or schema, no CREATEROLE).
      await expect(refuseSuperuser(applied.appUrl, false)).resolves.toBeNull();
    } finally {
      await withClient(serverUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${names.database} WITH (FORCE)`);
        await client.query(`DROP ROLE IF EXISTS ${names.app}`);
        await client.query(`DROP ROLE IF EXISTS ${names.owner}`);
      });
    }
  });
});
