import "server-only";
import { getModelStatus, type ModelStatus } from "@/lib/suggest/get-model-status";
import { getArticleInsights, type ArticleInsights } from "./article-insights";
import type { DateRange } from "./date-range";
import { getDecisionLatency, type DecisionLatency } from "./decision-latency";
import { getDecisionsByReason, type DecisionsByReason } from "./decisions-by-reason";
import { getFlagInsights, type CategoryFlags, type RuleHealth } from "./flag-insights";
import { getModeratorThroughput, type ModeratorThroughput } from "./moderator-throughput";
import { getQueueOverTime, type QueuePoint } from "./queue-over-time";

export interface InsightsData {
  queue: QueuePoint[];
  latency: DecisionLatency;
  categories: CategoryFlags[];
  rules: RuleHealth[];
  reasons: DecisionsByReason;
  /** Null when the viewer may not see per-moderator figures (the query is not even run). */
  moderators: ModeratorThroughput[] | null;
  articles: ArticleInsights;
  model: ModelStatus;
}

/**
 * All of the insights page's data, the queries side by side. The page and the bench
 * (scripts/bench/insights-bench.ts) both call this, so the bench times exactly what the page loads.
 */
export async function loadInsights(range: DateRange, options: { withModerators: boolean }): Promise<InsightsData> {
  const [queue, latency, flags, reasons, moderators, articles, model] = await Promise.all([
    getQueueOverTime(range),
    getDecisionLatency(range),
    getFlagInsights(range),
    getDecisionsByReason(range),
    options.withModerators ? getModeratorThroughput(range) : Promise.resolve(null),
    getArticleInsights(range),
    getModelStatus(),
  ]);
  return { queue, latency, categories: flags.categories, rules: flags.rules, reasons, moderators, articles, model };
}
