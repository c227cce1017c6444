import "server-only";
import type PgBoss from "pg-boss";
import { refreshInsightsRollup, type RollupRefresh } from "@/lib/insights/refresh-insights-rollup";
import { INSIGHTS_ROLLUP_QUEUE, SLICE_SECONDS } from "./boss";
import { sendTick } from "./periodic-jobs";

/**
 * One run of the rollup queue: refresh the dirty past days for at most SLICE_SECONDS, then an
 * immediate continuation when days remain (a first refresh of a large archive), else the next
 * periodic run. The page is exact meanwhile: it computes dirty days live.
 */
export async function handleInsightsRollupJob(boss: PgBoss): Promise<RollupRefresh> {
  const refresh = await refreshInsightsRollup({ deadline: Date.now() + SLICE_SECONDS * 1000 });
  if (refresh.remaining > 0) await boss.send(INSIGHTS_ROLLUP_QUEUE, {}, { singletonKey: "continue" });
  else await sendTick(boss, INSIGHTS_ROLLUP_QUEUE);
  return refresh;
}
