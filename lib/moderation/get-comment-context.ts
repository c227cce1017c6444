import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CommentStatusName } from "./queue-item";

/** How many of the author's other comments the card's context shows (the author's page has them all). */
export const CONTEXT_AUTHOR_RECENT = 5;

export interface ContextComment {
  id: number;
  authorName: string | null;
  body: string;
  postedAt: string;
  status: CommentStatusName;
  /** Why it was hidden (the last hide's reason), when it is hidden. */
  hiddenReason: string | null;
  articleTitle: string;
}

/**
 * What a moderator reads beside a card before deciding, without leaving the queue: the whole
 * comment it replies to, the article (and where it lives on the site), and the author's latest
 * other comments with how each was decided. Loaded when the moderator asks (one card at a time),
 * so the queue page itself pays nothing for it.
 */
export interface CommentContext {
  commentId: number;
  article: { id: number; title: string; url: string | null };
  parent: ContextComment | null;
  authorRecent: ContextComment[];
  /** All of the author's comments, this one included (the card's history counts only earlier ones). */
  authorTotal: number;
}

interface Row {
  id: number;
  authorName: string | null;
  body: string;
  postedAt: Date;
  status: CommentStatusName;
  hiddenReason: string | null;
  articleTitle: string;
}

// The last hide's reason per comment, only for the hidden ones: the few rows shown, one index walk each.
const SELECT_CONTEXT = Prisma.sql`
  SELECT c.id, c."authorName", c.body, c."postedAt", c.status::text AS status, a.title AS "articleTitle",
    CASE WHEN c.status = 'HIDDEN' THEN (
      SELECT d.reason::text FROM decision d WHERE d."commentId" = c.id AND d."toStatus" = 'HIDDEN' ORDER BY d."createdAt" DESC, d.id DESC LIMIT 1
    ) END AS "hiddenReason"
  FROM comment c JOIN article a ON a.id = c."articleId"`;

const toContextComment = (row: Row): ContextComment => ({ ...row, postedAt: row.postedAt.toISOString() });

export async function getCommentContext(commentId: number): Promise<CommentContext> {
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: { id: true, parentId: true, authorName: true, article: { select: { id: true, title: true, url: true } } },
  });
  if (!comment) throw new AppError("NOT_FOUND", "This comment does not exist.");
  const { authorName, parentId } = comment;
  const [parents, recent, totals] = await Promise.all([
    parentId === null ? Promise.resolve([]) : contextRows(db.$queryRaw<Row[]>`${SELECT_CONTEXT} WHERE c.id = ${parentId}`),
    authorName === null
      ? Promise.resolve([])
      : contextRows(db.$queryRaw<Row[]>`${SELECT_CONTEXT} WHERE c."authorName" = ${authorName} AND c.id <> ${commentId} ORDER BY c."postedAt" DESC, c.id DESC LIMIT ${CONTEXT_AUTHOR_RECENT}`),
    authorName === null ? Promise.resolve(1) : db.comment.count({ where: { authorName } }),
  ]);
  return { commentId, article: comment.article, parent: parents[0] ?? null, authorRecent: recent, authorTotal: totals };
}

async function contextRows(rows: Promise<Row[]>): Promise<ContextComment[]> {
  return (await rows).map(toContextComment);
}
