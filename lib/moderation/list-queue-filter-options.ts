import "server-only";
import { db } from "@/lib/db/client";

/** Choices for the queue's filter selects: recent articles and the rules that can flag. */
export async function listQueueFilterOptions(): Promise<{ articles: { id: number; title: string }[]; rules: { id: number; name: string }[] }> {
  const [articles, rules] = await Promise.all([
    db.article.findMany({ orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }], take: 200, select: { id: true, title: true } }),
    db.rule.findMany({ where: { deletedAt: null }, orderBy: { name: "asc" }, take: 500, select: { id: true, name: true } }),
  ]);
  return { articles, rules };
}
