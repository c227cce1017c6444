import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { CARD_COLUMNS, CARD_JOINS, loadQueueItems, type CommentRow } from "./load-queue-items";
import type { QueueItem } from "./queue-item";
import { threadCursorOf, threadKeyOf, threadWindow, windowSizes, type ThreadKey, type ThreadPosition } from "./thread-window";

export interface ThreadNode {
  item: QueueItem;
  replies: ThreadNode[];
}

export interface ArticleThread {
  article: { id: number; title: string; body: string | null; url: string | null; publishedAt: Date | null };
  /** This window of the thread, replies nested under a parent in the same window. */
  thread: ThreadNode[];
  /** Every comment on the article. */
  total: number;
  /** Cursors of the windows before and after this one; null at the thread's start or end. */
  earlier: string | null;
  later: string | null;
  /** The comment the window was opened around, when it is the article's. */
  focusId: number | null;
}

/**
 * One window of an article's thread as readers see it (oldest first, replies nested), paged by
 * (postedAt, id) with keyset cursors (thread-window.ts): never the whole thread (20,000 comments on
 * the busiest at 10M). Each side is picked from comment(articleId, status, priority DESC, postedAt,
 * id) alone (an index-only scan and a top-N sort of the article's entries: the index is keyed for
 * the queue's article filter, not for time within an article), then only the window's rows are read.
 */
export async function getArticleThread(articleId: number, position: ThreadPosition = {}): Promise<ArticleThread | null> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true, title: true, body: true, url: true, publishedAt: true } });
  if (!article) return null;
  const { anchor, focusId } = await anchorOf(articleId, position);
  const sizes = windowSizes(anchor ? position : {});
  const [earlier, fromAnchor, [counted]] = await Promise.all([
    anchor ? side(articleId, anchor, "earlier", sizes.before + 1) : Promise.resolve([]),
    side(articleId, anchor, "from", sizes.from + 1, "after" in position),
    db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM comment WHERE "articleId" = ${articleId}`,
  ]);
  const window = threadWindow(earlier, fromAnchor, sizes);
  const items = await loadQueueItems(window.rows);
  const first = window.rows[0];
  const last = window.rows.at(-1);
  return {
    article,
    thread: nestReplies(items),
    total: Number(counted?.total ?? 0),
    earlier: window.hasEarlier && first ? threadCursorOf(first) : null,
    later: window.hasLater && last ? threadCursorOf(last) : null,
    focusId,
  };
}

/** The key the window starts from; a comment of another article, or a bad cursor, starts at the top. */
async function anchorOf(articleId: number, position: ThreadPosition): Promise<{ anchor: ThreadKey | null; focusId: number | null }> {
  if ("after" in position) return { anchor: threadKeyOf(position.after), focusId: null };
  if ("before" in position) return { anchor: threadKeyOf(position.before), focusId: null };
  if (!("around" in position)) return { anchor: null, focusId: null };
  const comment = await db.comment.findFirst({ where: { id: position.around, articleId }, select: { id: true, postedAt: true } });
  return comment ? { anchor: { at: comment.postedAt.toISOString(), id: comment.id }, focusId: comment.id } : { anchor: null, focusId: null };
}

/** Rows before the anchor (newest first), or from it on (inclusive, or after it for a next page). */
async function side(articleId: number, anchor: ThreadKey | null, direction: "earlier" | "from", limit: number, isExclusive = false): Promise<CommentRow[]> {
  const bound = !anchor
    ? Prisma.sql`TRUE`
    : direction === "earlier"
      ? Prisma.sql`("postedAt", id) < (${anchor.at}::timestamp, ${anchor.id})`
      : isExclusive
        ? Prisma.sql`("postedAt", id) > (${anchor.at}::timestamp, ${anchor.id})`
        : Prisma.sql`("postedAt", id) >= (${anchor.at}::timestamp, ${anchor.id})`;
  const order = direction === "earlier" ? Prisma.sql`"postedAt" DESC, id DESC` : Prisma.sql`"postedAt", id`;
  return db.$queryRaw<CommentRow[]>`
    WITH picked AS (SELECT id, "postedAt" FROM comment WHERE "articleId" = ${articleId} AND ${bound} ORDER BY ${order} LIMIT ${limit})
    SELECT ${CARD_COLUMNS} FROM picked JOIN comment c ON c.id = picked.id ${CARD_JOINS}
    ORDER BY ${direction === "earlier" ? Prisma.sql`c."postedAt" DESC, c.id DESC` : Prisma.sql`c."postedAt", c.id`}`;
}

/** Replies whose parent is not in this window (earlier, or not imported) show at the top level, their card quoting the parent. */
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
