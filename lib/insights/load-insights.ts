import "server-only";
import { getModelStatus, type ModelStatus } from "@/lib/suggest/get-model-status";
import { getArticleInsights, type ArticleInsights } from "./article-insights";
import type { DateRange } from "./date-range";
import { mergeDaySummaries } from "./day-summary";
import type { DecisionLatency } from "./decision-latency";
import type { DecisionsByReason } from "./decisions-by-reason";
import { categoriesFromSummaries, latencyFromSummaries, queueFromSummaries, reasonsFromSummaries } from "./figures-from-summaries";
import type { CategoryFlags, RuleHealth } from "./flag-insights";
import type { ModeratorThroughput } from "./moderator-throughput";
import { moderatorsFromCounts } from "./moderators-from-counts";
import type { QueuePoint } from "./queue-over-time";
import { readDaySummaries } from "./read-day-summaries";
import { ruleHealthFromCounts } from "./rule-health-from-counts";

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
 * All of the insights page's data. The page and the bench (scripts/bench/insights-bench.ts) both
 * call this, so the bench times exactly what the page loads. Everything but the articles comes from
 * the daily rollup (stored past days, live today and changed days: read-day-summaries.ts), whose
 * figures equal the direct queries' (getQueueOverTime, getFlagInsights, …; see
 * insights-rollup.db.test.ts). Articles stay a direct query: a per-day × article rollup holds about
 * as many rows as there are comments on a site where every article is commented daily.
 */
export async function loadInsights(range: DateRange, options: { withModerators: boolean; now?: Date }): Promise<InsightsData> {
  const [days, articles, model] = await Promise.all([readDaySummaries(range, options.now), getArticleInsights(range), getModelStatus()]);
  const merged = mergeDaySummaries(range.from, days);
  const [rules, moderators] = await Promise.all([
    ruleHealthFromCounts(merged.rules),
    options.withModerators ? moderatorsFromCounts(merged.moderators) : Promise.resolve(null),
  ]);
  return {
    queue: queueFromSummaries(range, days),
    latency: latencyFromSummaries(range, days),
    categories: categoriesFromSummaries(days),
    rules,
    reasons: reasonsFromSummaries(days),
    moderators,
    articles,
    model,
  };
}
