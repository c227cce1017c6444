import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { healthReport } from "./health-report";
import { jobWorkerStatus } from "./job-worker-status";
import { startJobWorkerLoudly } from "./start-job-worker";
import { stopBoss } from "./boss";

// The README's production recipe done wrong, as a new user did on Debian's PostgreSQL: the app
// runs as a role that may not create pg-boss's schema. The worker must not fail silently: its
// state says down with the reason, one line is logged, and a grant is enough to recover.

const ownerUrl = process.env.DATABASE_URL ?? "";
const role = `jobs_denied_${randomBytes(4).toString("hex")}`;
const password = randomBytes(12).toString("hex");
const database = new URL(ownerUrl).pathname.slice(1);

async function asOwner(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function roleUrl(): string {
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = password;
  return url.toString();
}

afterAll(async () => {
  await stopBoss();
  process.env.DATABASE_URL = ownerUrl;
  await asOwner(`DROP SCHEMA IF EXISTS pgboss CASCADE`).catch(() => {});
  await asOwner(`DROP OWNED BY ${role} CASCADE`).catch(() => {});
  await asOwner(`DROP ROLE IF EXISTS ${role}`).catch(() => {});
});

describe("a job worker that cannot start", () => {
  it("is reported down with its reason, logs one line, and starts once the role is granted", async () => {
    await asOwner(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
    await asOwner(`REVOKE CREATE ON DATABASE "${database}" FROM PUBLIC`);
    process.env.DATABASE_URL = roleUrl();
    const errors: string[] = [];
    const infos: string[] = [];
    const log = { log: (line: string) => infos.push(line), error: (line: string) => errors.push(line) };

    await startJobWorkerLoudly(log);
    const status = jobWorkerStatus();
    expect(status).toMatchObject({ state: "down", reason: expect.stringMatching(/permission denied for database/) });
    const jobLines = errors.filter((line) => String(line).startsWith("[jobs]"));
    expect(jobLines).toHaveLength(1);
    expect(jobLines[0]).toMatch(/^\[jobs\] Background jobs are not running: permission denied for database .*Rule re-runs, insights rollups, suggestion retraining/);
    const report = healthReport({ isDatabaseUp: true, jobs: status, scope: "all", showReason: true });
    expect(report.httpStatus).toBe(503);
    expect(report.body.down).toEqual(["jobs"]);

    // Trying again with the same cause says nothing new.
    await startJobWorkerLoudly(log);
    expect(errors.filter((line) => String(line).startsWith("[jobs]"))).toHaveLength(1);
    expect(jobWorkerStatus().state).toBe("down");

    await asOwner(`GRANT CREATE ON DATABASE "${database}" TO ${role}`);
    await startJobWorkerLoudly(log);
    expect(jobWorkerStatus().state).toBe("running");
    expect(infos).toContain("[jobs] Background jobs are running again.");
  });
});
