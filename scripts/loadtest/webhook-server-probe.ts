// `node bin/run-ts.mjs scripts/loadtest/webhook-server-probe.ts [--drain] [--aa] [--groups 8]`:
// the decision transaction alone, server-side (docs/webhooks.md, "Measured"). 20 concurrent
// decideComment calls in this process on a throwaway embedded PostgreSQL, no HTTP, in rounds A B B A
// with the two loopback endpoints of the bench detached (A) and attached (B). --drain runs the
// webhook drain in this process beside the decisions, as the app's worker does; --aa keeps both
// sides detached (the A/A control: the probe's own noise floor). Prints one JSON line.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { median, percentile } from "../lib/timing";
import { startWebhookReceivers } from "./webhook-receivers";

const { values } = parseArgs({ options: { drain: { type: "boolean" }, aa: { type: "boolean" }, groups: { type: "string" }, workers: { type: "string" } } });
const WORKERS = Number(values.workers ?? 20);
const GROUPS = Number(values.groups ?? 8);
const ROUND_MS = 2_000;
const POOL = 150_000;

const scratch = mkdtempSync(path.join(os.tmpdir(), "moddesk-probe-"));
const database = await startEmbeddedPostgres({ baseDir: scratch });
process.env.DATABASE_URL = database.url;
process.env.MODDESK_DATA_DIR = scratch;
await applyPendingMigrations(database.url);
const { runFirstRun } = await import("@/lib/setup/first-run");
const { createUser } = await import("@/lib/auth/create-user");
const { SYSTEM_ACTOR } = await import("@/lib/audit/record-audit-event");
const { db } = await import("@/lib/db/client");
const { decideComment } = await import("@/lib/moderation/decide-comment");
const { createWebhookEndpoint, setWebhookEndpointEnabled } = await import("@/lib/webhooks/manage-endpoints");
await runFirstRun(() => {});
const moderators: { id: string; label: string }[] = [];
for (let index = 0; index < WORKERS; index += 1) {
  const email = `probe-${index}@moddesk.test`;
  moderators.push({ id: (await createUser(db, { email, role: "moderator" }, SYSTEM_ACTOR)).id, label: email });
}
const sql = new pg.Client({ connectionString: database.url });
await sql.connect();
await sql.query(`INSERT INTO article (key, title) VALUES ('probe', 'Probe')`);
await sql.query(
  `INSERT INTO comment ("articleId", source, "dedupeKey", "contentHash", "authorName", body, "postedAt")
   SELECT (SELECT id FROM article WHERE key = 'probe'), 'probe', 'probe:' || n, md5(n::text), 'reader', 'Probe comment ' || n, now() AT TIME ZONE 'UTC' FROM generate_series(1, $1::int) AS n`,
  [POOL],
);
const commentIds = (await sql.query<{ id: number }>(`SELECT id FROM comment WHERE source = 'probe' ORDER BY id`)).rows.map((row) => row.id);
let next = 0;

const receivers = await startWebhookReceivers();
const endpointIds: number[] = [];
for (const url of [receivers.slowUrl, receivers.deadUrl]) endpointIds.push((await createWebhookEndpoint({ url, events: ["comment.decided"], timeoutMs: 5_000, allowPrivateNetwork: true }, SYSTEM_ACTOR)).id);
let isAttached = true;
const attach = async (wanted: boolean) => {
  if (wanted === isAttached) return;
  for (const id of endpointIds) await setWebhookEndpointEnabled(id, wanted, SYSTEM_ACTOR);
  isAttached = wanted;
};
const { startDrainingDueEndpoints } = await import("@/lib/webhooks/drain-webhook-outbox");
const drainTimer = values.drain ? setInterval(() => void startDrainingDueEndpoints(), 2_000) : undefined;

async function round(milliseconds: number): Promise<number[]> {
  const latencies: number[] = [];
  const deadline = Date.now() + milliseconds;
  await Promise.all(
    moderators.map(async (moderator) => {
      while (Date.now() < deadline && next < commentIds.length) {
        const commentId = commentIds[next++] ?? 0;
        const started = performance.now();
        await decideComment({ commentId, action: "APPROVE", expectedVersion: 0, expectedStatus: "PENDING" }, moderator);
        latencies.push(performance.now() - started);
      }
    }),
  );
  return latencies;
}

try {
  await attach(false);
  await round(3_000);
  const isB = [false, true, true, false];
  const a: number[] = [];
  const b: number[] = [];
  const groupP95: number[] = [];
  for (let group = 0; group < GROUPS; group += 1) {
    const groupA: number[] = [];
    const groupB: number[] = [];
    for (const position of isB) {
      await attach(position && !values.aa);
      (position ? groupB : groupA).push(...(await round(ROUND_MS)));
    }
    groupP95.push(percentile(groupB, 95) / percentile(groupA, 95));
    a.push(...groupA);
    b.push(...groupB);
  }
  const outbox = (await sql.query(`SELECT status::text, count(*)::int AS count FROM webhook_delivery GROUP BY 1 ORDER BY 1`)).rows;
  const summary = (values: number[]) => ({ n: values.length, p50: +percentile(values, 50).toFixed(1), p95: +percentile(values, 95).toFixed(1) });
  process.stdout.write(
    `${JSON.stringify({
      condition: values.aa ? "A/A" : "none vs two endpoints",
      drain: values.drain ?? false,
      loadAverage: os.loadavg()[0],
      a: summary(a),
      b: summary(b),
      pooledP50Ratio: +(percentile(b, 50) / percentile(a, 50)).toFixed(3),
      pooledP95Ratio: +(percentile(b, 95) / percentile(a, 95)).toFixed(3),
      groupMedianP95Ratio: +median(groupP95).toFixed(3),
      outbox,
    })}\n`,
  );
} finally {
  if (drainTimer) clearInterval(drainTimer);
  await receivers.close();
  await db.$disconnect();
  await sql.end();
  const { closePgPool } = await import("@/lib/db/pg-pool");
  await closePgPool().catch(() => {});
  await database.stop();
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(0);
