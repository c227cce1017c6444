import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { buildIfStale } from "../lib/build-if-stale";
import { percentile } from "../lib/timing";
import { checkHealthOfInstances, checkJobsRanOnce, checkLiveUpdatesAcrossInstances, checkSessionAcrossInstances, checkThrottleAcrossInstances, type InstanceCheck } from "./instance-checks";
import { decideFor } from "./decide-for";
import { ModeratorSession, type DecisionOutcome } from "./moderator-session";
import { compareWithWebhooks, type WebhookComparison } from "./webhook-comparison";
import { logTail, startWebServers, stopWebServers, type WebServer } from "./web-servers";

// N moderators deciding overlapping comments through the real HTTP endpoints while an import
// runs; then the books are checked: every accepted decision stored once, with its audit event.

export interface LoadtestOptions {
  moderators: number;
  seconds: number;
  pendingComments: number;
  importComments: number;
  /** Each moderator decides comments of its own (no two on the same comment): throughput without conflicts. */
  isDisjoint?: boolean;
  /** App instances (production servers) on the one database; moderators are dealt out between them. */
  instances?: number;
  /** The webhook comparison (webhook-comparison.ts) instead of the one run: disjoint, no endpoints, then two. */
  webhooks?: boolean;
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

export async function runLoadtest(options: LoadtestOptions): Promise<LoadtestReport> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "moddesk-load-"));
  const database = await startEmbeddedPostgres({ baseDir: scratch });
  const instanceCount = Math.max(1, options.instances ?? 1);
  process.env.DATABASE_URL = database.url;
  // The audit key and checkpoints of this throwaway database, never the checkout's .moddesk/.
  process.env.MODDESK_DATA_DIR = scratch;
  let servers: WebServer[] = [];
  let failedChecks = false;
  let stopJobs: () => Promise<void> = async () => {};
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
    const { auditKey } = await import("@/lib/audit/audit-key");
    // Each instance gets a data folder of its own: the secrets they must share are passed as settings.
    servers = await startWebServers(instanceCount, { databaseUrl: database.url, authSecret: "l".repeat(40), auditKey: auditKey().toString("utf8"), scratch });
    const serverOf = (index: number) => servers[index % servers.length] as WebServer;

    const sessions = accounts.map((account, index) => new ModeratorSession(serverOf(index).baseUrl, account.email));
    await Promise.all(sessions.map((session, index) => session.signIn(accounts[index]?.password ?? "")));
    const admin = new ModeratorSession(serverOf(0).baseUrl, first.demoAdmin?.email ?? "");
    await admin.signIn(first.demoAdmin?.password ?? "");

    // Several instances: a rule re-run queued once runs while they serve (checked after the run).
    let rerunId: number | null = null;
    if (instanceCount > 1) {
      const { enqueueRuleRerun } = await import("@/lib/jobs/enqueue-rule-rerun");
      const { stopBoss } = await import("@/lib/jobs/boss");
      stopJobs = stopBoss;
      rerunId = (await enqueueRuleRerun(SYSTEM_ACTOR)).id;
    }

    // Warm-up, untimed and deciding nothing: each session asks for a comment that does not exist,
    // through the whole decision path (session, route code, transaction) to its 404, so no run's
    // figures include a fresh server's first requests (the load bench's short one-moderator
    // baseline would carry them in a larger share than the twenty moderators' run).
    const NO_SUCH_COMMENT = 2_147_483_647;
    for (const outcome of await Promise.all(sessions.map((session) => session.decide(NO_SUCH_COMMENT, "APPROVE")))) {
      if (outcome.status !== 404) throw new Error(`the warm-up decision on a missing comment answered ${outcome.status}, expected 404`);
    }
    options.log(`${options.moderators} moderators on ${instanceCount} instance(s) deciding ${pool.length} ${options.isDisjoint || options.webhooks ? "disjoint" : "overlapping"} comments for ${options.seconds} s while ${options.importComments} comments are imported…`);
    const importing = options.importComments > 0 ? admin.upload("loadtest.jsonl", generatedJsonl(options.importComments)) : Promise.resolve("none");
    let comparison: WebhookComparison | null = null;
    let outcomes: DecisionOutcome[];
    if (options.webhooks) {
      comparison = await compareWithWebhooks(sessions, pool, options.seconds, sql, options.log);
      outcomes = comparison.outcomes;
    } else {
      outcomes = await decideFor(sessions, pool, options.seconds, options.isDisjoint ?? false);
    }
    const importSummary = await importing;

    const instanceChecks: InstanceCheck[] = [];
    if (instanceCount > 1) {
      const probe = sessions[0] as ModeratorSession;
      const undecided = (await sql.query<{ id: number }>(`SELECT id FROM comment WHERE source = 'load' AND status = 'PENDING' ORDER BY id DESC LIMIT 1`)).rows[0]?.id ?? 0;
      instanceChecks.push(await checkHealthOfInstances(servers));
      instanceChecks.push(await checkSessionAcrossInstances(probe, servers));
      instanceChecks.push(await checkLiveUpdatesAcrossInstances(probe, undecided, servers));
      instanceChecks.push(await checkThrottleAcrossInstances("nobody-here@moddesk.test", servers));
      const decided = await count(sql, `SELECT count(*) FROM decision`);
      if (rerunId !== null) instanceChecks.push(...(await checkJobsRanOnce(sql, rerunId, decided)));
    }

    // The live-update probe decided one more comment through the API.
    const probeDecisions = instanceChecks.length > 0 ? 1 : 0;
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
    const figures = { ...comparison?.figures, decisions: accepted.length, conflicts, errors, lost, doubles, auditEvents, requests: outcomes.length, requestsPerSecond: outcomes.length / options.seconds, decisionsPerSecond: accepted.length / options.seconds, p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95) };
    failedChecks = instanceChecks.some((check) => !check.ok);
    const ok = lost === 0 && doubles === 0 && errors === 0 && auditEvents === allDecisions && allDecisions === accepted.length + probeDecisions && chain.intact && instanceChecks.every((check) => check.ok);
    const lines = [
      `app instances: ${instanceCount} production server(s) on one PostgreSQL${instanceCount > 1 ? `, moderators dealt out between them` : ""}`,
      `moderators: ${options.moderators}, duration: ${options.seconds} s, ${options.isDisjoint ? "disjoint" : "overlapping"} pool: ${pool.length} comments, concurrent import: ${options.importComments} comments`,
      `requests answered: ${outcomes.length} (${figures.requestsPerSecond.toFixed(1)}/s); decisions made: ${accepted.length} (${figures.decisionsPerSecond.toFixed(1)}/s), conflicts reported: ${conflicts}, other errors: ${errors}`,
      `lost decisions: ${lost} (must be 0), duplicate decisions: ${doubles} (must be 0)`,
      `audit events: ${auditEvents} for ${allDecisions} stored decisions (must be equal); audit chain: ${chain.intact ? `intact, ${chain.events} events` : "BROKEN"}`,
      `latency per decision request (${outcomes.length} requests): p50 ${figures.p50Ms.toFixed(1)} ms, p95 ${figures.p95Ms.toFixed(1)} ms`,
      `import during the run: ${importSummary.slice(0, 200)}`,
      ...(comparison?.lines ?? []),
      ...instanceChecks.map((check) => `${check.ok ? "ok" : "FAILED"}: ${check.line}`),
      ok ? "verdict: OK" : "verdict: FAILED",
    ];
    return { lines, figures, ok };
  } finally {
    await stopJobs().catch(() => {});
    await sql.end().catch(() => {});
    if (servers.some((server) => server.child.exitCode !== null) || failedChecks) for (const server of servers) options.log(`instance ${server.index} log: ${logTail(server)}`);
    await stopWebServers(servers);
    await database.stop().catch(() => {});
    rmSync(scratch, { recursive: true, force: true });
  }
}
