import "server-only";
import type PgBoss from "pg-boss";
import { db } from "@/lib/db/client";
import { failBulkRun, runBulkRunSlice } from "@/lib/moderation/bulk-run-slice";
import { BULK_RUN_QUEUE, getBoss, SLICE_SECONDS } from "./boss";

export interface BulkRunJobData {
  runId: number;
}

export async function enqueueBulkRun(runId: number): Promise<void> {
  const boss = await getBoss();
  const jobId = await boss.send(BULK_RUN_QUEUE, { runId } satisfies BulkRunJobData);
  if (!jobId) throw new Error("the job queue refused the bulk run");
}

/** One slice of a bulk run, then its continuation; a failing slice is retried, and resumes from the run's progress. */
export async function handleBulkRunJob(boss: PgBoss, job: PgBoss.JobWithMetadata<BulkRunJobData>): Promise<void> {
  const { runId } = job.data;
  try {
    const slice = await runBulkRunSlice(db, runId, { deadline: Date.now() + SLICE_SECONDS * 1000 });
    if (!slice.done) await boss.send(BULK_RUN_QUEUE, { runId }, { priority: 10 });
  } catch (error) {
    if (job.retryCount >= job.retryLimit) await failBulkRun(db, runId, error).catch(() => {});
    throw error;
  }
}
