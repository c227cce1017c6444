import "server-only";
import { db } from "@/lib/db/client";
import { CARD_COLUMNS, CARD_JOINS, loadQueueItems, type CommentRow } from "./load-queue-items";
import type { QueueItem } from "./queue-item";

export interface ThreadNode {
  item: QueueItem;
  replies: ThreadNode[];
}

// A thread is read whole; beyond this the page says so rather than render an endless page.
export const THREAD_LIMIT = 2_000;

/** The article and its comments as readers see them: top-level comments oldest first, replies nested. */
export async function getArticleThread(articleId: number): Promise<{ article: { id: number; title: string; body: string | null; url: string | null; publishedAt: Date | null }; thread: ThreadNode[]; total: number; isTruncated: boolean } | null> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true, title: true, body: true, url: true, publishedAt: true } });
  if (!article) return null;
  // The thread's first rows by time are chosen from comment(articleId, status, priority DESC,
  // postedAt, id) alone (an index-only scan and a sort of the article's entries), then only they are
  // read: the index is keyed for the queue's article filter, not for time within an article.
  const rows = await db.$queryRaw<CommentRow[]>`
    WITH first AS (SELECT id FROM comment WHERE "articleId" = ${articleId} ORDER BY "postedAt", id LIMIT ${THREAD_LIMIT + 1})
    SELECT ${CARD_COLUMNS} FROM first JOIN comment c ON c.id = first.id ${CARD_JOINS}
    ORDER BY c."postedAt", c.id`;
  const items = await loadQueueItems(rows.slice(0, THREAD_LIMIT));
  return { article, thread: nestReplies(items), total: Math.min(rows.length, THREAD_LIMIT), isTruncated: rows.length > THREAD_LIMIT };
}

/** Replies whose parent is missing (not imported, or beyond the limit) show at the top level. */
function nestReplies(items: QueueItem[]): ThreadNode[] {
  const nodes = new Map(items.map((item) => [item.id, { item, replies: [] as ThreadNode[] }]));
  const roots: ThreadNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.item.parent ? nodes.get(node.item.parent.id) : undefined;
    if (parent) parent.replies.push(node);
    else roots.push(node);
  }
  return roots;
}
