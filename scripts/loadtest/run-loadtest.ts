import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { findFreePort, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { projectRoot } from "@/lib/env";
import { buildIfStale } from "../lib/build-if-stale";
import { percentile } from "../lib/timing";
import { ModeratorSession, type DecisionOutcome } from "./moderator-session";

// N moderators deciding overlapping comments through the real HTTP endpoints while an import
// runs; then the books are checked: every accepted decision stored once, with its audit event.

export interface LoadtestOptions {
  moderators: number;
  seconds: number;
  pendingComments: number;
  importComments: number;
  /** Each moderator decides comments of its own (no two on the same comment): throughput without conflicts. */
  isDisjoint?: boolean;
  log: (line: string) => void;
}

export interface LoadtestReport {
  lines: string[];
  figures: Record<string, number>;
  ok: boolean;
}

function generatedJsonl(count: number): string {
  const lines: string[] = [];
  for (let index = 0; index < count; index += 1) {
    lines.push(
      JSON.stringify({
        id: `load-${index}`,
        article: { id: `load-article-${index % 50}`, title: `Load article ${index % 50}` },
        author: `reader${index % 997}`,
        body: `Comment ${index} about the budget and the electricity prices this week`,
        postedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(),
      }),
    );
  }
  return `${lines.join("\n")}\n`;
}

async function count(sql: pg.Client, query: string, values: unknown[] = []): Promise<number> {
  return Number((await sql.query<{ count: string }>(query, values)).rows[0]?.count ?? 0);
}

async function waitForServer(baseUrl: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const status = await fetch(`${baseUrl}/sign-in`).then((response) => response.status).catch(() => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the web server did not start within 60 s");
}

export async function runLoadtest(options: LoadtestOptions): Promise<LoadtestReport> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "moddesk-load-"));
  const database = await startEmbeddedPostgres({ baseDir: scratch });
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  process.env.DATABASE_URL = database.url;
  // The audit key and checkpoints of this throwaway database, never the checkout's .moddesk/.
  process.env.MODDESK_DATA_DIR = scratch;
  let server: ReturnType<typeof spawn> | null = null;
  const sql = new pg.Client({ connectionString: database.url });
  try {
    await applyPendingMigrations(database.url);
    const { runFirstRun } = await import("@/lib/setup/first-run");
    const { createUser } = await import("@/lib/auth/create-user");
    const { SYSTEM_ACTOR } = await import("@/lib/audit/record-audit-event");
    const { db } = await import("@/lib/db/client");
    const first = await runFirstRun(() => {});
    const accounts: { email: string; password: string }[] = [];
    for (let index = 0; index < options.moderators; index += 1) accounts.push(await createUser(db, { email: `load-${index}@moddesk.test`, role: "moderator" }, SYSTEM_ACTOR));
    await sql.connect();
    await sql.query(`INSERT INTO article (key, title) VALUES ('load:pool', 'Load test pool')`);
    await sql.query(
      `INSERT INTO comment ("articleId", source, "dedupeKey", "contentHash", "authorName", body, "postedAt")
       SELECT (SELECT id FROM article WHERE key = 'load:pool'), 'load', 'load:' || n, md5(n::text), 'reader' || (n % 100), 'Pooled comment ' || n, now() AT TIME ZONE 'UTC'
       FROM generate_series(1, $1::int) AS n`,
      [options.pendingComments],
    );
    const pool = (await sql.query<{ id: number }>(`SELECT id FROM comment WHERE source = 'load' ORDER BY id`)).rows.map((row) => row.id);

    await buildIfStale(options.log);
    // As npm start: the preload gives sign-in the TCP peer's address (docs/security-auth.md).
    const stampPeerAddress = pathToFileURL(path.join(projectRoot, "scripts/lib/stamp-peer-address.mjs")).href;
    server = spawn(process.execPath, ["--import", stampPeerAddress, path.join(projectRoot, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: projectRoot,
      stdio: "ignore",
      env: { ...process.env, DATABASE_URL: database.url, BETTER_AUTH_SECRET: "l".repeat(40), MODDESK_URL: baseUrl, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    await waitForServer(baseUrl);

    const sessions = accounts.map((account) => new ModeratorSession(baseUrl, account.email));
    await Promise.all(sessions.map((session, index) => session.signIn(accounts[index]?.password ?? "")));
    const admin = new ModeratorSession(baseUrl, first.demoAdmin?.email ?? "");
    await admin.signIn(first.demoAdmin?.password ?? "");

    options.log(`${options.moderators} moderators deciding ${pool.length} overlapping comments for ${options.seconds} s while ${options.importComments} comments are imported…`);
    const outcomes: DecisionOutcome[] = [];
    const deadline = Date.now() + options.seconds * 1000;
    const importing = options.importComments > 0 ? admin.upload("loadtest.jsonl", generatedJsonl(options.importComments)) : Promise.resolve("none");
    await Promise.all(
      sessions.map(async (session, index) => {
        // Each moderator walks the pool from a starting point a few comments after the previous
        // one's, so they keep running into comments a neighbour just decided: conflicts on purpose.
        // Disjoint: moderator i takes every N-th comment from i, so none ever meets another.
        let cursor = options.isDisjoint ? index : index * 3;
        const stride = options.isDisjoint ? sessions.length : 1;
        while (Date.now() < deadline && cursor < pool.length) {
          const commentId = pool[cursor] ?? 0;
          cursor += stride;
          outcomes.push(await session.decide(commentId, cursor % 3 === 0 ? "HIDE" : "APPROVE"));
        }
      }),
    );
    const importSummary = await importing;

    const accepted = outcomes.filter((outcome) => outcome.status === 200);
    const conflicts = outcomes.filter((outcome) => outcome.status === 409).length;
    const errors = outcomes.length - accepted.length - conflicts;
    const stored = await count(sql, `SELECT count(*) FROM decision WHERE id = ANY($1::int[])`, [accepted.map((outcome) => outcome.decisionId ?? 0)]);
    const allDecisions = await count(sql, `SELECT count(*) FROM decision WHERE action IN ('APPROVE', 'HIDE') AND "moderatorId" IS NOT NULL`);
    const doubles = await count(sql, `SELECT count(*) FROM (SELECT "commentId" FROM decision WHERE action IN ('APPROVE', 'HIDE') GROUP BY "commentId" HAVING count(*) > 1) AS twice`);
    const auditEvents = await count(sql, `SELECT count(*) FROM audit_event WHERE action IN ('comment.approve', 'comment.hide')`);
    const { verifyAuditChain } = await import("@/lib/audit/verify-audit-chain");
    const chain = await verifyAuditChain(db);
    await db.$disconnect();
    const { closePgPool } = await import("@/lib/db/pg-pool");
    await closePgPool();

    const latencies = outcomes.map((outcome) => outcome.latencyMs).sort((a, b) => a - b);
    const lost = accepted.length - stored;
    const figures = { decisions: accepted.length, conflicts, errors, lost, doubles, auditEvents, requests: outcomes.length, requestsPerSecond: outcomes.length / options.seconds, decisionsPerSecond: accepted.length / options.seconds, p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95) };
    const ok = lost === 0 && doubles === 0 && errors === 0 && auditEvents === allDecisions && allDecisions === accepted.length && chain.intact;
    const lines = [
      `moderators: ${options.moderators}, duration: ${options.seconds} s, ${options.isDisjoint ? "disjoint" : "overlapping"} pool: ${pool.length} comments, concurrent import: ${options.importComments} comments`,
      `requests answered: ${outcomes.length} (${figures.requestsPerSecond.toFixed(1)}/s); decisions made: ${accepted.length} (${figures.decisionsPerSecond.toFixed(1)}/s), conflicts reported: ${conflicts}, other errors: ${errors}`,
      `lost decisions: ${lost} (must be 0), duplicate decisions: ${doubles} (must be 0)`,
      `audit events: ${auditEvents} for ${allDecisions} stored decisions (must be equal); audit chain: ${chain.intact ? `intact, ${chain.events} events` : "BROKEN"}`,
      `latency per decision request (${outcomes.length} requests): p50 ${figures.p50Ms.toFixed(1)} ms, p95 ${figures.p95Ms.toFixed(1)} ms`,
      `import during the run: ${importSummary.slice(0, 200)}`,
      ok ? "verdict: OK" : "verdict: FAILED",
    ];
    return { lines, figures, ok };
  } finally {
    await sql.end().catch(() => {});
    server?.kill("SIGTERM");
    await database.stop().catch(() => {});
    rmSync(scratch, { recursive: true, force: true });
  }
}
