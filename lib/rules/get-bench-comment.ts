import "server-only";
import type { Prisma } from "@/lib/db/client";
import { db } from "@/lib/db/client";

const benchCommentSelect = { id: true, body: true, authorName: true, article: { select: { body: true } } } satisfies Prisma.CommentSelect;

/** A stored comment as a rule's test bench takes it (ruleBenchHref): its text, and its article's for off-topic rules. */
export interface BenchComment {
  id: number;
  body: string;
  authorName: string | null;
  articleText: string;
}

export async function getBenchComment(commentId: number): Promise<BenchComment | null> {
  const comment = await db.comment.findUnique({ where: { id: commentId }, select: benchCommentSelect });
  if (!comment) return null;
  return { id: comment.id, body: comment.body, authorName: comment.authorName, articleText: comment.article.body ?? "" };
}
