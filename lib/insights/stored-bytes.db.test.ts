import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { addDays, makeRange } from "./date-range";
import { expectSameAsDirect } from "./expect-same-as-direct";
import { getArticleInsights } from "./article-insights";
import { loadInsights } from "./load-insights";
import { heldStoredBytes } from "./read-day-summaries";
import { refreshInsightsRollup } from "./refresh-insights-rollup";
import { hours, makeArticle, makeComment, makeUser } from "./test-factories";

// The stored days' bytes kept in the process by row version (stored-bytes-cache.ts): a load after
// a stored day changed shows the change, whoever rewrote the row and whatever its refreshedAt.

const NOW = new Date("2016-09-20T12:00:00Z");
const range = makeRange("2016-09-01", "2016-09-20");
const at = (day: string, hour: number) => hours(new Date(`${day}T00:00:00Z`), hour);

describe("the stored days' bytes held by the process", () => {
  it("are read once, and read again when the day is stored again", async () => {
    const moderator = await makeUser("Held");
    const article = await makeArticle("Held bytes");
    const other = await makeArticle("Other held bytes");
    await makeComment({ articleId: article, postedAt: at("2016-09-05", 10), decisions: [{ action: "APPROVE", to: "APPROVED", at: at("2016-09-05", 11), by: moderator }] });
    await makeComment({ articleId: other, postedAt: at("2016-09-06", 9), decisions: [{ action: "HIDE", to: "HIDDEN", at: at("2016-09-06", 12), by: moderator, reason: "SPAM" }] });
    await refreshInsightsRollup({ now: NOW });
    await expectSameAsDirect(range, NOW);
    const held = heldStoredBytes();
    expect(held.days).toBeGreaterThanOrEqual(4);
    await expectSameAsDirect(range, NOW);
    expect(heldStoredBytes()).toEqual(held);

    // A stored day changed and stored again: the next load reads its new bytes.
    await makeComment({ articleId: other, postedAt: at("2016-09-05", 15), decisions: [{ action: "HIDE", to: "HIDDEN", at: at("2016-09-06", 1), by: moderator, reason: "ABUSIVE" }] });
    await expectSameAsDirect(range, NOW);
    await refreshInsightsRollup({ now: NOW });
    await expectSameAsDirect(range, NOW);
  });

  it("follow a row rewritten by another transaction with the same refreshedAt", async () => {
    const article = await makeArticle("Rewritten");
    await makeComment({ articleId: article, postedAt: at("2016-09-10", 8) });
    await refreshInsightsRollup({ now: NOW });
    await expectSameAsDirect(range, NOW);
    // Another day's bytes under this day's row, its refreshedAt kept: only the row version (xmin) tells.
    await db.$executeRaw`UPDATE insights_day SET articles = (SELECT o.articles FROM insights_day o WHERE o.day = ${addDays("2016-09-10", -4)}::date), "refreshedAt" = "refreshedAt" WHERE day = '2016-09-10'::date`;
    const swapped = await loadInsights(range, { withModerators: true, now: NOW });
    expect(swapped.articles).not.toEqual(await getArticleInsights(range));
    await db.$executeRaw`INSERT INTO insights_dirty_day (day) VALUES ('2016-09-10'::date) ON CONFLICT DO NOTHING`;
    await refreshInsightsRollup({ now: NOW });
    await expectSameAsDirect(range, NOW);
  });
});
