import "server-only";
import type PgBoss from "pg-boss";
import { drainExternalScores } from "@/lib/external-classifier/drain-external-scores";
import { EXTERNAL_SCORE_QUEUE } from "./boss";
import { sendTick } from "./periodic-jobs";

/** Seconds between looks for "not scored" comments: the longest a new comment waits for its first call. */
const EXTERNAL_SCORE_TICK_SECONDS = 2;

/** Scores what is due (bounded in time, well inside the job's expiry), then queues the next look. */
export async function handleExternalScoreJob(boss: PgBoss): Promise<void> {
  try {
    const summary = await drainExternalScores({ timeBudgetMs: 30_000 });
    for (const [rule, message] of Object.entries(summary.errors)) console.warn(`[external-classifier] rule '${rule}': ${message} (will retry)`);
  } finally {
    await sendTick(boss, EXTERNAL_SCORE_QUEUE, EXTERNAL_SCORE_TICK_SECONDS);
  }
}
