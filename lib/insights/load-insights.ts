import "server-only";
import { getModelStatus, type ModelStatus } from "@/lib/suggest/get-model-status";
import type { ArticleInsights } from "./article-insights";
import { articleInsightsFromDays } from "./articles-from-days";
import type { DateRange } from "./date-range";
import { mergeDaySummaries } from "./day-summary";
import { latencyFromDecisionDays, moderatorCountsFromDecisionDays, reasonsFromDecisionDays } from "./decision-day-summary";
import type { DecisionFigures } from "./decisions-made-in-range";
import { categoriesFromSummaries, queueFromSummaries } from "./figures-from-summaries";
import type { CategoryFlags, RuleHealth } from "./flag-insights";
import { moderatorsFromCounts } from "./moderators-from-counts";
import type { QueuePoint } from "./queue-over-time";
import { readDaySummaries, readDecisionDaySummaries } from "./read-day-summaries";
import { ruleHealthFromCounts } from "./rule-health-from-counts";

/** By posting day: queue, categories, rules, articles. By decision day: latency, reasons, moderators. */
export interface InsightsData extends DecisionFigures {
  queue: QueuePoint[];
  categories: CategoryFlags[];
  rules: RuleHealth[];
  articles: ArticleInsights;
  model: ModelStatus;
}

/**
 * All of the insights page's data. The page and the bench (scripts/bench/insights-bench.ts) both
 * call this, so the bench times exactly what the page loads. Everything comes from day summaries:
 * posted days (queue, categories, rules, per-article counts) and decision days (latency, reasons,
 * moderators), stored for clean past days and computed live for today and changed days
 * (read-day-summaries.ts). A range reads its days' summaries, not its comments; the figures equal
 * the direct queries' (getQueueOverTime, getFlagInsights, getArticleInsights,
 * getDecisionsMadeInRange; insights-rollup.db.test.ts and decision-days.db.test.ts compare them).
 */
export async function loadInsights(range: DateRange, options: { withModerators: boolean; now?: Date }): Promise<InsightsData> {
  const [days, decisionDays, model] = await Promise.all([readDaySummaries(range, options.now), readDecisionDaySummaries(range, options.now), getModelStatus()]);
  const merged = mergeDaySummaries(range.from, days);
  const [rules, articles, moderators] = await Promise.all([
    ruleHealthFromCounts(merged.rules),
    articleInsightsFromDays(days),
    options.withModerators ? moderatorsFromCounts(moderatorCountsFromDecisionDays(decisionDays)) : Promise.resolve(null),
  ]);
  return {
    queue: queueFromSummaries(range, days),
    categories: categoriesFromSummaries(days),
    rules,
    latency: latencyFromDecisionDays(range, decisionDays),
    reasons: reasonsFromDecisionDays(decisionDays),
    moderators,
    articles,
    model,
  };
}
