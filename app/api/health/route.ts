import { z } from "zod";
import { isDatabaseReachable } from "@/lib/db/health";
import { healthReport } from "@/lib/jobs/health-report";
import { jobsDownMessage, jobWorkerStatus, WORKER_RETRY_SECONDS } from "@/lib/jobs/job-worker-status";
import { problem } from "@/lib/route";
import { isSystemStatusReader } from "@/lib/auth/session";

// The health probe of this instance, for monitors and load balancers: 200 when the database
// answers and the job worker runs, else 503 with what is down and why (lib/jobs/health-report.ts).
// Not through defineRoute: that answers a bare 503 before the handler when the database is away,
// and this probe must say which part is down. It is public; why the jobs are down (the worker's
// error: role and database names) is shown to a signed-in admin only.

const querySchema = z.object({ check: z.enum(["all", "web"]).default("all") });

export async function GET(request: Request): Promise<Response> {
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return problem(400, "INVALID", "check must be all or web (web leaves the background jobs out).");
  const jobs = jobWorkerStatus();
  const isDatabaseUp = await isDatabaseReachable();
  const report = healthReport({
    isDatabaseUp,
    showReason: isDatabaseUp && (await isSystemStatusReader()),
    jobs,
    scope: parsed.data.check,
    downMessage: jobs.state === "down" ? jobsDownMessage(jobs.reason, WORKER_RETRY_SECONDS) : undefined,
  });
  return Response.json(report.body, { status: report.httpStatus, headers: { "Cache-Control": "no-store" } });
}
