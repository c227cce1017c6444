import "server-only";
import { db } from "@/lib/db/client";
import { topArticlesOfDays } from "./article-figures";
import { DEFAULT_ARTICLE_LIMIT, type ArticleInsights } from "./article-insights";
import type { DaySummary } from "./day-summary";

/** getArticleInsights' figures from the range's posted days, titles joined for the rows shown. */
export async function articleInsightsFromDays(days: readonly DaySummary[], limit = DEFAULT_ARTICLE_LIMIT): Promise<ArticleInsights> {
  const { articles, top } = topArticlesOfDays(days, limit);
  if (top.length === 0) return { articles, top: [] };
  const titles = await db.article.findMany({ where: { id: { in: top.map((row) => row.articleId) } }, select: { id: true, title: true } });
  const titleOf = new Map(titles.map((article) => [article.id, article.title]));
  return {
    articles,
    top: top.map((row) => ({ ...row, title: titleOf.get(row.articleId) ?? "", shareFlagged: row.flagged / row.comments, shareHidden: row.hidden / row.comments })),
  };
}
