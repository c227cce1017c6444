// Next calls register() once when the server starts. The job worker (pg-boss: rule re-runs) runs
// here, inside the web server, so that `npm start` stays a single command and a restart of the
// server restarts the worker, which resumes unfinished passes (see lib/jobs/boss.ts).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A worker that cannot start says so (log, /api/health, admins' banner) and retries by itself.
  const { startJobWorkerLoudly } = await import("./lib/jobs/start-job-worker");
  await startJobWorkerLoudly();
}
