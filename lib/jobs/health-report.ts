import type { JobWorkerStatus } from "./job-worker-status";

// What GET /api/health answers: pure, so every combination is unit-tested. 200 only when the
// database answers and this instance's job worker runs; otherwise 503, and the JSON says which
// part is down and why. `?check=web` leaves the jobs out (a load balancer deciding whether this
// instance can serve pages should not take every instance out because jobs are down).

export type HealthScope = "all" | "web";

export interface HealthReport {
  httpStatus: 200 | 503;
  body: {
    status: "ok" | "down";
    database: "up" | "down";
    jobs: { state: JobWorkerStatus["state"]; since: string; reason?: string; message?: string };
    down: ("database" | "jobs")[];
  };
}

/**
 * `showReason`: the worker's error text (role and database names, grants) is for admins only; the
 * public probe says what is down, not why (the log line and the admin banner say why).
 */
export function healthReport(input: { isDatabaseUp: boolean; jobs: JobWorkerStatus; scope: HealthScope; downMessage?: string; showReason: boolean }): HealthReport {
  const down: ("database" | "jobs")[] = [];
  if (!input.isDatabaseUp) down.push("database");
  const areJobsDown = input.jobs.state === "down" || input.jobs.state === "starting";
  if (input.scope === "all" && areJobsDown) down.push("jobs");
  const jobs =
    input.jobs.state === "down" && input.showReason
      ? { state: input.jobs.state, since: input.jobs.since, reason: input.jobs.reason, message: input.downMessage }
      : { state: input.jobs.state, since: input.jobs.since };
  return {
    httpStatus: down.length === 0 ? 200 : 503,
    body: { status: down.length === 0 ? "ok" : "down", database: input.isDatabaseUp ? "up" : "down", jobs, down },
  };
}
