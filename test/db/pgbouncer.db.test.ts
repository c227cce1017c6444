import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { db, getDb } from "@/lib/db/client";
import { pgConfigFromUrl, withDatabase } from "@/lib/db/connection-url";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { closePgPool } from "@/lib/db/pg-pool";
import { migrateResolvedDatabase, resolveDatabase } from "@/lib/db/resolve-database";
import { isAppError } from "@/lib/errors";
import { streamDecisionExport } from "@/lib/export/stream-decision-export";
import { importStream } from "@/lib/import/import-file";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { enqueueRuleRerun } from "@/lib/jobs/enqueue-rule-rerun";
import { startJobWorker } from "@/lib/jobs/start-job-worker";
import { decideComment } from "@/lib/moderation/decide-comment";
import { makeArticle, makeComment, makeModerator } from "@/lib/moderation/test-factories";
import { ensureDefaultRules } from "@/lib/setup/ensure-default-rules";
import { trainSuggestionModel } from "@/lib/suggest/train-suggestion-model";
import { startPgBouncer, type PgBouncer } from "../support/pgbouncer";

// Moddesk behind PgBouncer in transaction pooling mode, the split of docs/operations.md ("PgBouncer"):
// DATABASE_URL through PgBouncer for the app's queries, decisions, exports and pg-boss;
// DIRECT_DATABASE_URL for what holds a session advisory lock across transactions (migrations,
// imports, setup, training). The direct connections carry an application_name, so that the test
// can see which URL the code used.

const DIRECT_APP_NAME = "moddesk-direct-test";
/** Prisma Migrate's lock (SELECT pg_advisory_lock(72707369)), released only when its session ends. */
const MIGRATION_LOCK = 72707369;
const IMPORT_LOCK_CLASS = 7_240_010;

const serverUrl = inject("serverUrl");
const fileDatabaseUrl = process.env.DATABASE_URL ?? "";
const scratch = mkdtempSync(path.join(os.tmpdir(), "moddesk-pgbouncer-test-"));
let bouncer: PgBouncer;
let pooledUrl: string;
let directUrl: string;

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(pgConfigFromUrl(url));
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Asked on the server itself, never through PgBouncer. */
const onServer = <T extends pg.QueryResultRow>(sql: string, values: unknown[] = []) => withClient(serverUrl, async (client) => (await client.query<T>(sql, values)).rows);

function advisoryLocksIn(database: string) {
  return onServer<{ classid: number; objid: number; applicationName: string }>(
    `SELECT l.classid::int AS classid, l.objid::int AS objid, a.application_name AS "applicationName"
     FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid JOIN pg_database d ON d.oid = l.database
     WHERE l.locktype = 'advisory' AND l.granted AND d.datname = $1`,
    [database],
  );
}

const databaseOf = (url: string) => String(pgConfigFromUrl(url).database);

/** Backends of this file's database opened by the direct URL. */
async function directConnections(): Promise<number> {
  const rows = await onServer<{ count: number }>(`SELECT count(*)::int AS count FROM pg_stat_activity WHERE datname = $1 AND application_name = $2`, [databaseOf(fileDatabaseUrl), DIRECT_APP_NAME]);
  return rows[0]?.count ?? 0;
}

async function newDatabase(): Promise<string> {
  const name = `moddesk_bouncer_${randomBytes(4).toString("hex")}`;
  await onServer(`CREATE DATABASE ${name}`);
  return name;
}

beforeAll(async () => {
  const { user, password } = pgConfigFromUrl(serverUrl);
  // Three server connections for everything: clients take turns on them, as they do in production.
  bouncer = await startPgBouncer(serverUrl, [{ user: String(user), password: String(password) }], { poolMode: "transaction", poolSize: 3 });
  pooledUrl = bouncer.pooledUrl(fileDatabaseUrl);
  const direct = new URL(fileDatabaseUrl);
  direct.searchParams.set("application_name", DIRECT_APP_NAME);
  directUrl = direct.toString();
  process.env.DATABASE_URL = pooledUrl;
  process.env.DIRECT_DATABASE_URL = directUrl;
});

afterAll(async () => {
  await stopBoss();
  await closePgPool();
  await getDb().$disconnect();
  await bouncer?.stop();
  process.env.DATABASE_URL = fileDatabaseUrl;
  delete process.env.DIRECT_DATABASE_URL;
  rmSync(scratch, { recursive: true, force: true });
});

describe("through PgBouncer in transaction mode", () => {
  it("a session advisory lock outlives its client: why migrations and imports need the direct URL", async () => {
    const name = await newDatabase();
    try {
      // Prisma's migration engine locks and leaves the unlock to the end of its session, which
      // through PgBouncer is a server connection that stays in the pool.
      await applyPendingMigrations(bouncer.pooledUrl(withDatabase(serverUrl, name)));
      expect((await advisoryLocksIn(name)).map((lock) => lock.objid)).toContain(MIGRATION_LOCK);
      // An importer that dies keeps its batch's lock the same way: the batch would never be marked INTERRUPTED.
      await withClient(bouncer.pooledUrl(withDatabase(serverUrl, name)), (client) => client.query("SELECT pg_advisory_lock($1, 42)", [IMPORT_LOCK_CLASS]));
      expect(await advisoryLocksIn(name)).toContainEqual(expect.objectContaining({ classid: IMPORT_LOCK_CLASS, objid: 42 }));
    } finally {
      await onServer(`DROP DATABASE ${name} WITH (FORCE)`);
    }
  });

  it("migrations run on the direct URL (npm run db:migrate, npm start) and leave no lock behind", async () => {
    const name = await newDatabase();
    try {
      const direct = withDatabase(serverUrl, name);
      const database = await resolveDatabase({ databaseUrl: bouncer.pooledUrl(direct), directDatabaseUrl: direct, dataDir: path.join(scratch, "migrate") });
      expect(database.ownerUrl).toBe(direct);
      expect((await migrateResolvedDatabase(database)).length).toBeGreaterThan(0);
      expect(await advisoryLocksIn(name)).toEqual([]);
    } finally {
      await onServer(`DROP DATABASE ${name} WITH (FORCE)`);
    }
  });

  it("decides through PgBouncer: of two moderators racing on each comment one wins, the other gets CONFLICT, the audit chain holds", async () => {
    const [first, second] = [await makeModerator("first"), await makeModerator("second")];
    const article = await makeArticle();
    const comments = await Promise.all(Array.from({ length: 8 }, () => makeComment(article)));
    const outcomes = await Promise.all(
      comments.flatMap((comment) =>
        [first, second].map((moderator) =>
          decideComment({ action: "HIDE", commentId: comment.id, expectedVersion: 0, expectedStatus: "PENDING", reason: "SPAM" }, moderator).then(
            () => "decided",
            (error: unknown) => (isAppError(error) ? error.code : Promise.reject(error)),
          ),
        ),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === "decided")).toHaveLength(8);
    expect(outcomes.filter((outcome) => outcome === "CONFLICT")).toHaveLength(8);
    expect(await db.decision.count({ where: { commentId: { in: comments.map((comment) => comment.id) } } })).toBe(8);
    expect(await db.auditEvent.count({ where: { action: "comment.hide" } })).toBe(8);
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true });
  });

  it("exports stream from cursors through PgBouncer, two at once, each whole", async () => {
    const moderator = await makeModerator("exporter");
    const article = await makeArticle();
    for (let index = 0; index < 6; index++) {
      const comment = await makeComment(article);
      await decideComment({ action: "APPROVE", commentId: comment.id, expectedVersion: 0, expectedStatus: "PENDING" }, moderator);
    }
    const expected = await db.decision.count();
    const exportAll = async () => {
      let text = "";
      for await (const chunk of streamDecisionExport({ format: "jsonl", filters: {}, actor: SYSTEM_ACTOR, via: "cli", batchRows: 1 })) text += chunk.toString("utf8");
      return text.split("\n").filter(Boolean);
    };
    const [one, two] = await Promise.all([exportAll(), exportAll()]);
    expect(one).toHaveLength(expected);
    expect(two).toEqual(one);
  });

  it("COPY itself works through PgBouncer, inside a transaction", async () => {
    const rows = await withClient(pooledUrl, async (client) => {
      await client.query("BEGIN");
      await client.query("CREATE TEMP TABLE copied (n int) ON COMMIT DROP");
      await new Promise<void>((resolve, reject) => {
        const stream = client.query(copyFrom("COPY copied FROM STDIN"));
        stream.on("finish", resolve).on("error", reject);
        stream.end("1\n2\n3\n");
      });
      const result = await client.query<{ total: number }>("SELECT sum(n)::int AS total FROM copied");
      await client.query("COMMIT");
      return result.rows;
    });
    expect(rows).toEqual([{ total: 6 }]);
  });

  it("imports hold their batch's lock on the direct URL while COPY loads the comments", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const line = (index: number) => `${JSON.stringify({ id: `bouncer-${index}`, article: { id: "bouncer-article", title: "Through the pooler" }, author: "reader", body: `Comment number ${index} ${"x".repeat(300)}`, postedAt: "2026-01-02T10:00:00Z" })}\n`;
    async function* input() {
      // More than the 8 KB the format sniffer reads, then a pause the test ends.
      for (let index = 0; index < 40; index++) yield line(index);
      await gate;
      for (let index = 40; index < 60; index++) yield line(index);
    }
    const running = importStream({ input: input(), fileName: "bouncer.jsonl", format: "jsonl", via: "cli", actor: SYSTEM_ACTOR });
    const held = await vi.waitFor(
      async () => {
        const locks = (await advisoryLocksIn(databaseOf(fileDatabaseUrl))).filter((lock) => lock.classid === IMPORT_LOCK_CLASS);
        if (locks.length === 0) throw new Error("the import has not started its batch yet");
        return locks;
      },
      { timeout: 20_000, interval: 50 },
    );
    expect(held.map((lock) => lock.applicationName)).toEqual([DIRECT_APP_NAME]);
    release();
    const summary = await running;
    expect(summary).toMatchObject({ seen: 60, added: 60, rejected: 0 });
    expect((await advisoryLocksIn(databaseOf(fileDatabaseUrl))).filter((lock) => lock.classid === IMPORT_LOCK_CLASS)).toEqual([]);
  });

  it("setup and training take their session locks on the direct URL", async () => {
    const noDirectConnection = async () => {
      await closePgPool();
      // A closed connection's backend leaves pg_stat_activity a moment after the client.
      await vi.waitFor(async () => expect(await directConnections()).toBe(0), { timeout: 10_000, interval: 50 });
    };
    await noDirectConnection();
    expect(await ensureDefaultRules()).toBeGreaterThan(0);
    expect(await directConnections()).toBeGreaterThan(0);
    await noDirectConnection();
    expect(await trainSuggestionModel()).toMatchObject({ status: "off" });
    expect(await directConnections()).toBeGreaterThan(0);
  });

  it("pg-boss works through PgBouncer: the job worker runs a rule re-run to the end, each job once", async () => {
    await startJobWorker();
    const rerun = await enqueueRuleRerun(SYSTEM_ACTOR);
    await vi.waitFor(
      async () => {
        const row = await db.ruleRerun.findUniqueOrThrow({ where: { id: rerun.id }, select: { status: true } });
        if (row.status !== "COMPLETED") throw new Error(`the re-run is ${row.status}`);
      },
      { timeout: 45_000, interval: 200 },
    );
    const boss = await getBoss();
    await boss.createQueue("bouncer-test");
    const seen: number[] = [];
    await boss.work<{ n: number }>("bouncer-test", { pollingIntervalSeconds: 0.5, batchSize: 5 }, async (jobs) => {
      for (const job of jobs) seen.push(job.data.n);
    });
    for (let n = 0; n < 20; n++) await boss.send("bouncer-test", { n });
    await vi.waitFor(
      () => {
        if (seen.length < 20) throw new Error(`${seen.length} of 20 jobs done`);
      },
      { timeout: 30_000, interval: 100 },
    );
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, n) => n));
    await stopBoss();
    // Nothing holds an advisory lock once the work is done: pg-boss's locks are transaction locks.
    expect(await advisoryLocksIn(databaseOf(fileDatabaseUrl))).toEqual([]);
  });
});
