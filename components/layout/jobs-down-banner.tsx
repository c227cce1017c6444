import { jobsDownMessage, jobWorkerStatus, WORKER_RETRY_SECONDS } from "@/lib/jobs/job-worker-status";

// Shown to admins on every dashboard page while this instance's job worker is down: without it
// the queue still works, but re-runs, rollups and retraining silently stop.
export function JobsDownBanner() {
  const status = jobWorkerStatus();
  if (status.state !== "down") return null;
  return (
    <div role="alert" data-testid="jobs-down-banner" className="border-b border-red-300 bg-red-50">
      <p className="mx-auto max-w-6xl px-4 py-2 text-sm text-red-900">
        {jobsDownMessage(status.reason, WORKER_RETRY_SECONDS)} Down since {status.since}; details at <code>/api/health</code>.
      </p>
    </div>
  );
}
