import "server-only";
import { lastDaysUntil, DEFAULT_DAYS, dayOfInstant } from "./date-range";
import { mergeDaySummaries } from "./day-summary";
import type { RuleHealth } from "./flag-insights";
import { readInsightsZone } from "./insights-zone";
import { readDaySummaries } from "./read-day-summaries";
import { ruleHealthFromCounts } from "./rule-health-from-counts";

/** The insights page's rule health over its default range (the last 30 days), for the Rules page. */
export async function recentRuleHealth(now: Date = new Date()): Promise<{ days: number; rules: RuleHealth[] }> {
  const { timeZone } = await readInsightsZone();
  const range = lastDaysUntil(dayOfInstant(now, timeZone), DEFAULT_DAYS, timeZone);
  const days = await readDaySummaries(range, now);
  return { days: DEFAULT_DAYS, rules: await ruleHealthFromCounts(mergeDaySummaries(range.from, days).rules) };
}
