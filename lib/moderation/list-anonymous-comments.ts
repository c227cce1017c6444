import "server-only";
import { db } from "@/lib/db/client";
import { CARD_COLUMNS, CARD_JOINS, loadQueueItems, type CommentRow } from "./load-queue-items";
import type { QueueItem } from "./queue-item";

export const ANONYMOUS_PAGE_LIMIT = 500;

/** Comments posted with no name on one article: the "author page" of everyone anonymous there. */
export async function listAnonymousComments(articleId: number): Promise<{ title: string; comments: QueueItem[]; total: number } | null> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { title: true } });
  if (!article) return null;
  const [rows, total] = await Promise.all([
    db.$queryRaw<CommentRow[]>`
      SELECT ${CARD_COLUMNS} FROM comment c ${CARD_JOINS}
      WHERE c."articleId" = ${articleId} AND c."authorName" IS NULL ORDER BY c."postedAt" DESC, c.id DESC LIMIT ${ANONYMOUS_PAGE_LIMIT}`,
    db.comment.count({ where: { articleId, authorName: null } }),
  ]);
  return { title: article.title, comments: await loadQueueItems(rows), total };
}
