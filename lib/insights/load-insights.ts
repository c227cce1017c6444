import "server-only";
import { getModelStatus, type ModelStatus } from "@/lib/suggest/get-model-status";
import { getArticleInsights, type ArticleInsights } from "./article-insights";
import type { DateRange } from "./date-range";
import { mergeDaySummaries } from "./day-summary";
import { getDecisionsMadeInRange, type DecisionFigures } from "./decisions-made-in-range";
import { categoriesFromSummaries, queueFromSummaries } from "./figures-from-summaries";
import type { CategoryFlags, RuleHealth } from "./flag-insights";
import type { QueuePoint } from "./queue-over-time";
import { readDaySummaries } from "./read-day-summaries";
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
 * call this, so the bench times exactly what the page loads. Everything but the articles comes from
 * the daily rollup (stored past days, live today and changed days: read-day-summaries.ts), whose
 * figures equal the direct queries' (getQueueOverTime, getFlagInsights, …; see
 * insights-rollup.db.test.ts). Articles stay a direct query: a per-day × article rollup holds about
 * as many rows as there are comments on a site where every article is commented daily. The
 * decision figures go by when decisions were made (today's work on an old thread shows today): a
 * direct range scan of comment(status, decidedAt, id), decisions-made-in-range.ts.
 */
export async function loadInsights(range: DateRange, options: { withModerators: boolean; now?: Date }): Promise<InsightsData> {
  const [days, articles, model, decisions] = await Promise.all([
    readDaySummaries(range, options.now),
    getArticleInsights(range),
    getModelStatus(),
    getDecisionsMadeInRange(range, { withModerators: options.withModerators }),
  ]);
  const merged = mergeDaySummaries(range.from, days);
  return {
    queue: queueFromSummaries(range, days),
    categories: categoriesFromSummaries(days),
    rules: await ruleHealthFromCounts(merged.rules),
    ...decisions,
    articles,
    model,
  };
}
