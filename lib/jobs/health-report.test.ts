import { describe, expect, it } from "vitest";
import { healthReport } from "./health-report";
import { describeStartFailure, jobsDownMessage } from "./job-worker-status";

const since = "2026-12-06T06:00:00.000Z";
const running = { state: "running", since } as const;
const down = { state: "down", since, reason: "permission denied for database moddesk" } as const;

describe("healthReport", () => {
  it("is 200 ok when the database answers and the job worker runs", () => {
    expect(healthReport({ isDatabaseUp: true, jobs: running, scope: "all", showReason: true })).toEqual({ httpStatus: 200, body: { status: "ok", database: "up", jobs: { state: "running", since }, down: [] } });
  });

  it("is 503 naming the jobs, with the reason, when the worker is down", () => {
    const report = healthReport({ isDatabaseUp: true, jobs: down, scope: "all", showReason: true, downMessage: "Background jobs are not running: …" });
    expect(report.httpStatus).toBe(503);
    expect(report.body).toMatchObject({ status: "down", database: "up", down: ["jobs"], jobs: { state: "down", reason: "permission denied for database moddesk", message: "Background jobs are not running: …" } });
  });

  it("tells the public that the jobs are down, and only an admin why", () => {
    const report = healthReport({ isDatabaseUp: true, jobs: down, scope: "all", downMessage: "Background jobs are not running: …", showReason: false });
    expect(report.httpStatus).toBe(503);
    expect(report.body).toEqual({ status: "down", database: "up", down: ["jobs"], jobs: { state: "down", since } });
    expect(JSON.stringify(report.body)).not.toContain("permission denied");
  });

  it("counts a worker still starting as not running", () => {
    expect(healthReport({ isDatabaseUp: true, jobs: { state: "starting", since }, scope: "all", showReason: true }).body.down).toEqual(["jobs"]);
  });

  it("names both when the database is away too", () => {
    expect(healthReport({ isDatabaseUp: false, jobs: down, scope: "all", showReason: true }).body.down).toEqual(["database", "jobs"]);
  });

  it("leaves the jobs out for check=web, but still reports their state", () => {
    const report = healthReport({ isDatabaseUp: true, jobs: down, scope: "web", showReason: true });
    expect(report.httpStatus).toBe(200);
    expect(report.body.jobs.state).toBe("down");
    expect(healthReport({ isDatabaseUp: false, jobs: running, scope: "web", showReason: true }).httpStatus).toBe(503);
  });
});

describe("the jobs-down wording", () => {
  it("says what stops, until when, in one line", () => {
    const message = jobsDownMessage("permission denied for database moddesk", 60);
    expect(message).toMatch(/^Background jobs are not running: permission denied for database moddesk\. Rule re-runs, insights rollups, suggestion retraining/);
    expect(message).toContain("every 60 s");
    expect(message).not.toContain("\n");
  });

  it("adds the fix to a permission error, keeps only the first line of others", () => {
    const denied = Object.assign(new Error("permission denied for database moddesk"), { code: "42501" });
    expect(describeStartFailure(denied)).toMatch(/^permission denied for database moddesk \(the app's database role cannot create or use the pgboss schema/);
    expect(describeStartFailure(new Error("connect ECONNREFUSED 127.0.0.1:5432\n    at stack"))).toBe("connect ECONNREFUSED 127.0.0.1:5432");
    expect(describeStartFailure("odd")).toBe("odd");
  });
});
