import type pg from "pg";
import { PAIR_THROTTLE } from "@/lib/auth/throttle";
import { RETRAIN_EVERY } from "@/lib/suggest/model-settings";
import type { ModeratorSession } from "./moderator-session";
import type { WebServer } from "./web-servers";

// What several app instances on one database must agree on, asked over HTTP of a server other than
// the one that did the thing: a session, the throttle, the queue's live updates; and jobs queued
// once that run once (their effects are counted in the database).

export interface InstanceCheck {
  ok: boolean;
  line: string;
}

const changesUrl = (server: WebServer, since: Date) => `${server.baseUrl}/api/v1/queue/changes?since=${encodeURIComponent(since.toISOString())}`;

/** Every instance's health probe: database up and its own job worker running. */
export async function checkHealthOfInstances(servers: readonly WebServer[]): Promise<InstanceCheck> {
  const answers = await Promise.all(
    servers.map(async (server) => {
      const response = await fetch(`${server.baseUrl}/api/health`);
      const body = (await response.json()) as { jobs?: { state?: string } };
      return `${response.status} (jobs ${body.jobs?.state ?? "?"})`;
    }),
  );
  return { ok: answers.every((answer) => answer === "200 (jobs running)"), line: `health of each instance: ${answers.join(", ")} (must all be 200, jobs running)` };
}

/** A session cookie handed out by the first server is accepted by every other one. */
export async function checkSessionAcrossInstances(session: ModeratorSession, servers: readonly WebServer[]): Promise<InstanceCheck> {
  const statuses = await Promise.all(servers.map(async (server) => (await session.get(changesUrl(server, new Date()))).status));
  const ok = statuses.every((status) => status === 200);
  return { ok, line: `session opened on instance 0, used on every instance: HTTP ${statuses.join(", ")} (must all be 200)` };
}

/** A decision made through the first server shows in every other server's live updates. */
export async function checkLiveUpdatesAcrossInstances(session: ModeratorSession, commentId: number, servers: readonly WebServer[]): Promise<InstanceCheck> {
  const since = new Date(Date.now() - 1_000);
  const decided = await session.decide(commentId, "APPROVE", servers[0]?.baseUrl);
  if (decided.status !== 200 || decided.decisionId === undefined) return { ok: false, line: `live updates: the probe decision on instance 0 failed (HTTP ${decided.status})` };
  const seenBy: number[] = [];
  for (const server of servers.slice(1)) {
    const response = await session.get(changesUrl(server, since));
    const body = (await response.json()) as { changes?: { decisionId: number }[] };
    if (body.changes?.some((change) => change.decisionId === decided.decisionId)) seenBy.push(server.index);
  }
  const ok = seenBy.length === servers.length - 1;
  return { ok, line: `live updates: decision ${decided.decisionId} made on instance 0 seen in the queue changes of instance(s) ${seenBy.join(", ") || "none"} (must be all others)` };
}

async function signInStatus(server: WebServer, email: string, password: string): Promise<number> {
  const response = await fetch(`${server.baseUrl}/api/v1/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.baseUrl },
    body: JSON.stringify({ email, password }),
  });
  await response.body?.cancel();
  return response.status;
}

/**
 * Wrong passwords for one account from one address, spread over the instances in turn: the
 * throttle counts them together, so the attempt after the limit is refused (429) whichever
 * instance it reaches.
 */
export async function checkThrottleAcrossInstances(email: string, servers: readonly WebServer[]): Promise<InstanceCheck> {
  const statuses: number[] = [];
  for (let attempt = 0; attempt <= PAIR_THROTTLE.maxFailures; attempt += 1) {
    const server = servers[attempt % servers.length];
    if (server) statuses.push(await signInStatus(server, email, "not the password, on purpose"));
  }
  const refusedAfter = statuses.findIndex((status) => status === 429);
  const ok = refusedAfter === PAIR_THROTTLE.maxFailures && statuses.slice(0, refusedAfter).every((status) => status === 401);
  return { ok, line: `sign-in throttle: ${statuses.length} wrong passwords spread over ${servers.length} instance(s) answered ${statuses.join(", ")} (must be ${PAIR_THROTTLE.maxFailures} × 401, then 429)` };
}

async function waitForRerun(sql: pg.Client, rerunId: number, timeoutMs: number): Promise<{ status: string; total: number; processed: number }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = (await sql.query<{ status: string; total: number; processed: number }>(`SELECT status, total, processed FROM rule_rerun WHERE id = $1`, [rerunId])).rows[0];
    if (!row || row.status === "COMPLETED" || row.status === "FAILED" || Date.now() > deadline) return row ?? { status: "MISSING", total: 0, processed: 0 };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * A rule re-run queued once while the instances serve: it completes, having processed each
 * comment once (processed = total, not twice that); no pg-boss job of any queue ran twice; the
 * suggestion model was not retrained more often than every RETRAIN_EVERY decisions allow.
 */
export async function checkJobsRanOnce(sql: pg.Client, rerunId: number, decisions: number): Promise<InstanceCheck[]> {
  const rerun = await waitForRerun(sql, rerunId, 120_000);
  const jobs = (
    await sql.query<{ name: string; completed: number; rerun: number }>(
      `SELECT name, count(*) FILTER (WHERE state = 'completed')::int AS completed, count(*) FILTER (WHERE retry_count > 0)::int AS rerun
       FROM (SELECT name, state, retry_count FROM pgboss.job UNION ALL SELECT name, state, retry_count FROM pgboss.archive) AS every_job
       GROUP BY name ORDER BY name`,
    )
  ).rows;
  // What a retried job failed with, so a failure names its cause.
  const retried = (
    await sql.query<{ name: string; state: string; output: unknown }>(
      `SELECT name, state, output FROM (SELECT name, state, retry_count, output FROM pgboss.job UNION ALL SELECT name, state, retry_count, output FROM pgboss.archive) AS every_job WHERE retry_count > 0 LIMIT 3`,
    )
  ).rows.map((job) => `${job.name} (${job.state}): ${JSON.stringify(job.output).slice(0, 300)}`);
  const trainings = Number((await sql.query<{ count: string }>(`SELECT count(*) FROM suggestion_model`)).rows[0]?.count ?? 0);
  const maxTrainings = 1 + Math.floor(decisions / RETRAIN_EVERY);
  const rerunOk = rerun.status === "COMPLETED" && rerun.processed === rerun.total;
  const jobsOk = jobs.every((job) => job.rerun === 0);
  return [
    { ok: rerunOk, line: `rule re-run queued once: ${rerun.status}, processed ${rerun.processed} of ${rerun.total} comments (must be COMPLETED with processed = total)` },
    { ok: jobsOk, line: `pg-boss jobs completed: ${jobs.map((job) => `${job.name} ${job.completed}`).join(", ") || "none"}; jobs run more than once: ${jobs.reduce((sum, job) => sum + job.rerun, 0)} (must be 0)${retried.length ? `: ${retried.join("; ")}` : ""}` },
    { ok: trainings <= maxTrainings, line: `suggestion model trainings: ${trainings} for ${decisions} decisions (at most ${maxTrainings}: one per ${RETRAIN_EVERY} decisions)` },
  ];
}
