// Whether this process's job worker (pg-boss) runs, kept on globalThis: instrumentation.ts starts
// the worker from a bundle of its own, the health route and the dashboard read it from theirs.
// Per process on purpose: with several app instances each one reports its own worker.

export type JobWorkerStatus =
  | { state: "starting"; since: string }
  | { state: "running"; since: string }
  | { state: "down"; since: string; reason: string }
  /** No database configured (`next build`, tools): nothing to run, nothing to report. */
  | { state: "off"; since: string };

/** How long a worker that could not start waits before it tries again. */
export const WORKER_RETRY_SECONDS = 60;

const holder = globalThis as unknown as { moddeskJobWorkerStatus?: JobWorkerStatus };

export function jobWorkerStatus(): JobWorkerStatus {
  return holder.moddeskJobWorkerStatus ?? { state: "starting", since: new Date().toISOString() };
}

export function setJobWorkerStatus(status: JobWorkerStatus): void {
  holder.moddeskJobWorkerStatus = status;
}

/** What stops when the worker is down, in the words of the banner, the health probe and the log. */
export const WORK_THAT_STOPS = "Rule re-runs, insights rollups, suggestion retraining, bulk decisions and webhook deliveries";

/** The one sentence said everywhere the worker is down. */
export function jobsDownMessage(reason: string, retrySeconds: number): string {
  return `Background jobs are not running: ${reason}. ${WORK_THAT_STOPS} will not happen until the job worker starts (it tries again every ${retrySeconds} s; fix the cause, no restart needed).`;
}

/** A reason in one line a person can act on, from what pg-boss threw at start. */
export function describeStartFailure(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).split("\n")[0]?.trim() || "unknown error";
  const code = (error as { code?: unknown } | null)?.code;
  // 42501: insufficient_privilege, e.g. "permission denied for database moddesk" (no CREATE for pgboss).
  if (code === "42501" || /permission denied/i.test(message)) {
    return `${message} (the app's database role cannot create or use the pgboss schema: grant it as docs/operations.md shows, or run npm run db:roles)`;
  }
  return message;
}
