import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import pg from "pg";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { applyProductionRoles } from "@/lib/db/apply-roles";
import { db, getDb } from "@/lib/db/client";
import { pgConfigFromUrl, withDatabase } from "@/lib/db/connection-url";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { closePgPool } from "@/lib/db/pg-pool";
import { streamDecisionExport } from "@/lib/export/stream-decision-export";
import { importStream } from "@/lib/import/import-file";
import { stopBoss } from "@/lib/jobs/boss";
import { enqueueRuleRerun } from "@/lib/jobs/enqueue-rule-rerun";
import { startJobWorker } from "@/lib/jobs/start-job-worker";
import { decideComment } from "@/lib/moderation/decide-comment";
import { makeModerator } from "@/lib/moderation/test-factories";
import { ensureDefaultRules } from "@/lib/setup/ensure-default-rules";

// The production roles of docs/operations.md on the test server (in npm test's second database run,
// Debian's PostgreSQL): set up as a user would, with `npm run db:roles`; migrations as the owner;
// then the app's own code as the app role: rules, an import (COPY), a decision, the pg-boss worker,
// an export. The app role can add to the audit log and do nothing else to it.

const serverUrl = inject("serverUrl");
const fileDatabaseUrl = process.env.DATABASE_URL ?? "";
const made: { databases: string[]; roles: string[] } = { databases: [], roles: [] };

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(pgConfigFromUrl(url));
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Fresh names for one setup, and an empty database of that name (dropped after the file). */
async function freshNames(prefix: string) {
  const stamp = randomBytes(3).toString("hex");
  const names = { owner: `${prefix}_owner_${stamp}`, app: `${prefix}_app_${stamp}`, database: `${prefix}_${stamp}` };
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${names.database}`));
  made.databases.push(names.database);
  made.roles.push(names.app, names.owner);
  return names;
}

async function expectAuditAppendOnly(appUrl: string, owner: string): Promise<void> {
  await withClient(appUrl, async (client) => {
    const role = await client.query<{ rolsuper: boolean; rolcreatedb: boolean; rolcreaterole: boolean }>(`SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = current_user`);
    expect(role.rows[0]).toEqual({ rolsuper: false, rolcreatedb: false, rolcreaterole: false });
    expect((await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM audit_event`)).rows[0]?.count).toBeGreaterThan(0);
    await expect(client.query(`UPDATE audit_event SET action = 'forged'`)).rejects.toThrow(/permission denied for table audit_event/);
    await expect(client.query(`DELETE FROM audit_event`)).rejects.toThrow(/permission denied for table audit_event/);
    await expect(client.query(`TRUNCATE audit_event`)).rejects.toThrow(/permission denied for table audit_event/);
    await expect(client.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`)).rejects.toThrow(/must be owner of table audit_event/);
    expect((await client.query<{ owner: string }>(`SELECT tableowner AS owner FROM pg_tables WHERE tablename = 'audit_event'`)).rows[0]?.owner).toBe(owner);
  });
}

afterAll(async () => {
  await stopBoss();
  await closePgPool();
  await getDb().$disconnect();
  process.env.DATABASE_URL = fileDatabaseUrl;
  await withClient(serverUrl, async (client) => {
    for (const database of made.databases) await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    for (const role of made.roles) await client.query(`DROP ROLE IF EXISTS ${role}`);
  });
});

describe("the app as the app role, set up by npm run db:roles -- --apply", () => {
  let appUrl = "";
  let owner = "";

  beforeAll(async () => {
    const names = await freshNames("approle");
    const applied = await applyProductionRoles(withDatabase(serverUrl, names.database), names, { owner: randomBytes(12).toString("hex"), app: randomBytes(12).toString("hex") });
    expect(applied.appliedMigrations.length).toBeGreaterThan(0);
    appUrl = applied.appUrl;
    owner = names.owner;
    // Every module below connects on first use, as the app role.
    process.env.DATABASE_URL = appUrl;
  });

  it("installs the rules, imports with COPY, decides, runs a rule re-run on the job worker and exports; the audit log stays append-only", async () => {
    expect(await ensureDefaultRules()).toBeGreaterThan(0);
    const lines = ["a", "b", "c"].map((id) => `${JSON.stringify({ id, article: { id: "roles-article", title: "Roles" }, author: "reader", body: `Comment ${id} about the roles`, postedAt: "2026-01-02T10:00:00Z" })}\n`);
    const imported = await importStream({ input: Readable.from(lines), fileName: "roles.jsonl", format: "jsonl", via: "cli", actor: SYSTEM_ACTOR });
    expect(imported).toMatchObject({ added: 3, rejected: 0 });

    const moderator = await makeModerator("roles");
    const comment = await db.comment.findFirstOrThrow({ where: { importBatchId: imported.batchId }, select: { id: true, version: true, status: true } });
    expect(comment.status).toBe("PENDING");
    await decideComment({ action: "HIDE", commentId: comment.id, expectedVersion: comment.version, expectedStatus: "PENDING", reason: "SPAM" }, moderator);

    // The worker that died with "permission denied for database" on a hand-made setup (issue #17).
    await startJobWorker();
    const rerun = await enqueueRuleRerun(SYSTEM_ACTOR);
    await vi.waitFor(
      async () => {
        const row = await db.ruleRerun.findUniqueOrThrow({ where: { id: rerun.id }, select: { status: true } });
        if (row.status !== "COMPLETED") throw new Error(`the re-run is ${row.status}`);
      },
      { timeout: 45_000, interval: 200 },
    );

    let exported = "";
    for await (const chunk of streamDecisionExport({ format: "jsonl", filters: {}, actor: SYSTEM_ACTOR, via: "cli" })) exported += chunk.toString("utf8");
    expect(exported.split("\n").filter(Boolean)).toHaveLength(1);

    expect(await verifyAuditChain(db)).toMatchObject({ intact: true });
    await expectAuditAppendOnly(appUrl, owner);
  });
});

describe("the SQL npm run db:roles prints, run by hand", () => {
  it("lets pg-boss's worker start and work as the app role, and keeps the audit log append-only", async () => {
    const names = await freshNames("printed");
    const { DATABASE_URL: _unused, ...environment } = process.env;
    const printed = execFileSync(process.execPath, ["bin/run-ts.mjs", "scripts/db-roles.ts", "--database", names.database, "--owner", names.owner, "--app", names.app], { encoding: "utf8", env: environment, timeout: 50_000 });
    const [setup, rest = ""] = printed.split(/^-- 2\. /m);
    const [, grants = ""] = rest.split(/^-- 3\. .*$/m);
    const urlOf = (role: string) => {
      const match = new RegExp(`postgresql://${role}:([^@]+)@HOST:5432/${names.database}`).exec(printed);
      if (!match?.[1]) throw new Error(`db:roles printed no URL for ${role}:\n${printed}`);
      const url = new URL(withDatabase(serverUrl, names.database));
      url.username = role;
      url.password = match[1];
      return url.toString();
    };
    // 1. As the administrator; 2. migrations as the owner; 3. the grants as the owner.
    await withClient(withDatabase(serverUrl, names.database), (client) => client.query(setup ?? ""));
    expect((await applyPendingMigrations(urlOf(names.owner))).length).toBeGreaterThan(0);
    await withClient(urlOf(names.owner), (client) => client.query(grants.split(/^-- 4\. /m)[0] ?? ""));

    const appUrl = urlOf(names.app);
    const boss = new PgBoss({ connectionString: appUrl, schema: "pgboss", supervise: false, schedule: false });
    boss.on("error", () => {});
    await boss.start();
    try {
      await boss.createQueue("printed-roles");
      const done = new Promise<unknown>((resolve) => void boss.work("printed-roles", { pollingIntervalSeconds: 0.5 }, async ([job]) => resolve(job?.data)));
      await boss.send("printed-roles", { worked: true });
      expect(await done).toEqual({ worked: true });
    } finally {
      await boss.stop({ graceful: false, wait: true, close: true });
    }
    await withClient(appUrl, (client) => client.query(`INSERT INTO audit_event ("actorLabel", action, "entityType", "prevHash", hash) VALUES ('test', 'test.event', 'test', 'p', 'h')`));
    await expectAuditAppendOnly(appUrl, names.owner);
  });
});
