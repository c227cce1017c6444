import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refuseSuperuser, SuperuserRefusedError } from "@/lib/db/refuse-superuser";

// The database tier's DATABASE_URL logs in as the server's superuser: exactly what the app must refuse.
const superuserUrl = process.env.DATABASE_URL!;
const role = `moddesk_plain_${randomBytes(4).toString("hex")}`;
const password = randomBytes(12).toString("hex");
const plainUrl = (() => {
  const url = new URL(superuserUrl);
  url.username = role;
  url.password = password;
  return url.toString();
})();

async function asSuperuser(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// Logins that are not superusers themselves but can still rewrite the audit log.
const suffix = randomBytes(4).toString("hex");
const memberOfSuperuser = `moddesk_su_member_${suffix}`;
const auditOwner = `moddesk_audit_owner_${suffix}`;
const memberOfOwner = `moddesk_owner_member_${suffix}`;
// Eighth review: logins that do not own the audit table but can still drop it, or make themselves its owner.
const schemaOwner = `moddesk_schema_owner_${suffix}`;
const databaseOwner = `moddesk_db_owner_${suffix}`;
const roleMaker = `moddesk_createrole_${suffix}`;
const memberOfRoleMaker = `moddesk_createrole_member_${suffix}`;
const urlAs = (name: string) => {
  const url = new URL(superuserUrl);
  url.username = name;
  url.password = password;
  return url.toString();
};

beforeAll(async () => {
  await asSuperuser(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
  for (const name of [memberOfSuperuser, auditOwner, memberOfOwner, schemaOwner, databaseOwner]) await asSuperuser(`CREATE ROLE ${name} LOGIN PASSWORD '${password}'`);
  await asSuperuser(`CREATE ROLE ${roleMaker} LOGIN CREATEROLE PASSWORD '${password}'`);
  await asSuperuser(`CREATE ROLE ${memberOfRoleMaker} LOGIN PASSWORD '${password}' IN ROLE ${roleMaker}`);
  await asSuperuser(`GRANT ${decodeURIComponent(new URL(superuserUrl).username)} TO ${memberOfSuperuser}`);
  // This file's own database (test/db-setup-file.ts): its audit table may change hands.
  await asSuperuser(`ALTER TABLE audit_event OWNER TO ${auditOwner}`);
  await asSuperuser(`GRANT ${auditOwner} TO ${memberOfOwner}`);
});
afterAll(async () => {
  await asSuperuser(`ALTER TABLE audit_event OWNER TO CURRENT_USER`);
  for (const name of [role, memberOfSuperuser, memberOfOwner, auditOwner, schemaOwner, databaseOwner, memberOfRoleMaker, roleMaker]) await asSuperuser(`DROP ROLE IF EXISTS ${name}`);
});

describe("a DATABASE_URL that logs in as a superuser", () => {
  it("is refused with what is wrong and the command that fixes it", async () => {
    const refusal = refuseSuperuser(superuserUrl, false);
    await expect(refusal).rejects.toBeInstanceOf(SuperuserRefusedError);
    await expect(refusal).rejects.toThrow(/a PostgreSQL superuser, and Moddesk refuses to run as one.*npm run db:roles -- --apply/);
  });

  it("is let through with a warning only when the override is set", async () => {
    await expect(refuseSuperuser(superuserUrl, true)).resolves.toMatch(/^Warning: running as the superuser/);
  });

  it("does not stop an ordinary role", async () => {
    await expect(refuseSuperuser(plainUrl, false)).resolves.toBeNull();
  });

  it("is refused when the login is a member of a superuser role (it can SET ROLE to it)", async () => {
    await expect(refuseSuperuser(urlAs(memberOfSuperuser), false)).rejects.toThrow(/a member of the PostgreSQL superuser role/);
  });

  it("is refused when the login owns the audit table, or is a member of its owner", async () => {
    await expect(refuseSuperuser(urlAs(auditOwner), false)).rejects.toThrow(/which owns the audit table/);
    await expect(refuseSuperuser(urlAs(memberOfOwner), false)).rejects.toThrow(new RegExp(`is a member of "${auditOwner}", the owner of the audit table`));
    await expect(refuseSuperuser(urlAs(auditOwner), true)).resolves.toMatch(/^Warning: running as "moddesk_audit_owner_/);
  });

  it("is refused when the login owns the audit table's schema: it can drop the table without owning it", async () => {
    const client = new pg.Client({ connectionString: superuserUrl });
    await client.connect();
    const { rows } = await client.query<{ owner: string }>(`SELECT quote_ident(pg_get_userbyid(nspowner)) AS owner FROM pg_namespace WHERE nspname = 'public'`);
    try {
      await client.query(`ALTER SCHEMA public OWNER TO ${schemaOwner}`);
      // The power itself, undone: the schema's owner drops a table it does not own.
      const owner = new pg.Client({ connectionString: urlAs(schemaOwner) });
      await owner.connect();
      try {
        await owner.query("BEGIN");
        await owner.query("DROP TABLE audit_event CASCADE");
        await owner.query("ROLLBACK");
      } finally {
        await owner.end();
      }
      await expect(refuseSuperuser(urlAs(schemaOwner), false)).rejects.toThrow(/owns the audit table's schema or the database: it could drop the audit table/);
    } finally {
      await client.query(`ALTER SCHEMA public OWNER TO ${rows[0]!.owner}`);
      await client.end();
    }
  });

  it("is refused when the login owns the database (and with it `public`, owned by pg_database_owner)", async () => {
    const client = new pg.Client({ connectionString: superuserUrl });
    await client.connect();
    const { rows } = await client.query<{ database: string; owner: string }>(
      `SELECT quote_ident(current_database()) AS database, quote_ident(pg_get_userbyid(datdba)) AS owner FROM pg_database WHERE datname = current_database()`,
    );
    const { database, owner } = rows[0]!;
    try {
      await client.query(`ALTER DATABASE ${database} OWNER TO ${databaseOwner}`);
      await expect(refuseSuperuser(urlAs(databaseOwner), false)).rejects.toThrow(/the audit table's schema or the database: it could drop the audit table/);
    } finally {
      await client.query(`ALTER DATABASE ${database} OWNER TO ${owner}`);
      await client.end();
    }
    await expect(refuseSuperuser(urlAs(databaseOwner), false)).resolves.toBeNull();
  });

  it("is refused when the login has CREATEROLE (it can give itself the audit table's owner)", async () => {
    await expect(refuseSuperuser(urlAs(roleMaker), false)).rejects.toThrow(/which has CREATEROLE/);
    await expect(refuseSuperuser(urlAs(roleMaker), true)).resolves.toMatch(/^Warning: running as "moddesk_createrole_/);
  });

  it("is refused when the login is a member of a CREATEROLE role (it can SET ROLE to it, then grant itself the owner)", async () => {
    await expect(refuseSuperuser(urlAs(memberOfRoleMaker), false)).rejects.toThrow(new RegExp(`is a member of "${roleMaker}", which has CREATEROLE`));
  });

  it("stops a CLI command before it touches anything, in one line without a stack trace", () => {
    const result = spawnSync(process.execPath, ["bin/moddesk.mjs", "user", "list"], {
      env: { ...process.env, DATABASE_URL: superuserUrl, MODDESK_ALLOW_SUPERUSER: "" },
      encoding: "utf8",
      // Bounded below the test's 60 s: spawnSync blocks the event loop, so that timeout cannot fire during it.
      timeout: 50_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Error: DATABASE_URL logs in as "[^"]+", a PostgreSQL superuser/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
