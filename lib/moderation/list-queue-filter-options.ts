import "server-only";
import { db } from "@/lib/db/client";

const ARTICLE_CHOICES = 200;

export interface QueueFilterOptions {
  articles: { id: number; title: string }[];
  /** True when there are more articles than the menu lists (it then says how to reach an older one). */
  hasOlderArticles: boolean;
  rules: { id: number; name: string }[];
}

/**
 * Choices for the queue's filter selects: recent articles and the rules that can flag. The article
 * the queue is filtered by is always a choice, even when older than the newest 200: a select
 * without it would show "Any article" and drop the filter on the next submit.
 */
export async function listQueueFilterOptions(selectedArticleId?: number): Promise<QueueFilterOptions> {
  const [recent, rules] = await Promise.all([
    recentArticles(),
    db.rule.findMany({ where: { deletedAt: null }, orderBy: { name: "asc" }, take: 500, select: { id: true, name: true } }),
  ]);
  const hasOlderArticles = recent.length > ARTICLE_CHOICES;
  const articles = recent.slice(0, ARTICLE_CHOICES);
  if (selectedArticleId !== undefined && !articles.some((article) => article.id === selectedArticleId)) {
    const selected = await db.article.findUnique({ where: { id: selectedArticleId }, select: { id: true, title: true } });
    if (selected) articles.unshift(selected);
  }
  return { articles, hasOlderArticles, rules };
}

/**
 * The newest published articles, then unpublished ones (no publishing time), newest first. Two reads
 * of article(publishedAt DESC, id) rather than one ORDER BY ... NULLS LAST, which that index (NULLs
 * first) cannot serve: that sorted every article on each queue page (106 ms for 250,000 articles).
 */
async function recentArticles(): Promise<{ id: number; title: string }[]> {
  const select = { id: true, title: true } as const;
  // One more than the menu shows: whether older articles exist.
  const wanted = ARTICLE_CHOICES + 1;
  const published = await db.article.findMany({ where: { publishedAt: { not: null } }, orderBy: [{ publishedAt: "desc" }, { id: "desc" }], take: wanted, select });
  if (published.length === wanted) return published;
  const unpublished = await db.article.findMany({ where: { publishedAt: null }, orderBy: { id: "desc" }, take: wanted - published.length, select });
  return [...published, ...unpublished];
}
