import "server-only";
import { expect } from "vitest";
import { getArticleInsights } from "./article-insights";
import type { DateRange } from "./date-range";
import { getDecisionsMadeInRange } from "./decisions-made-in-range";
import { getFlagInsights } from "./flag-insights";
import { loadInsights } from "./load-insights";
import { getQueueOverTime } from "./queue-over-time";

/**
 * For db tests: the Insights page's data over `range` (day summaries, live days) equals the same
 * figures by direct queries of the comments. Decision figures go by decision day.
 */
export async function expectSameAsDirect(range: DateRange, now: Date): Promise<void> {
  const data = await loadInsights(range, { withModerators: true, now });
  const flags = await getFlagInsights(range);
  expect(data.queue).toEqual(await getQueueOverTime(range));
  expect(data.rules).toEqual(flags.rules);
  expect(data.categories).toEqual(flags.categories);
  expect(data.articles).toEqual(await getArticleInsights(range));
  const { latency, reasons, moderators } = await getDecisionsMadeInRange(range, { withModerators: true });
  expect(data.latency).toEqual(latency);
  expect(data.reasons).toEqual(reasons);
  expect(data.moderators).toEqual(moderators);
}
