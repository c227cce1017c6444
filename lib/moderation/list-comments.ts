import "server-only";
import type { Prisma } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import type { ListCommentsQuery } from "./schemas";

export const apiCommentSelect = {
  id: true,
  articleId: true,
  source: true,
  externalId: true,
  parentId: true,
  authorName: true,
  body: true,
  postedAt: true,
  status: true,
  priority: true,
  isHeld: true,
  decidedAt: true,
  flags: { select: { category: true, score: true, spans: true, reason: true, rule: { select: { name: true } } } },
} satisfies Prisma.CommentSelect;

export type ApiComment = Prisma.CommentGetPayload<{ select: typeof apiCommentSelect }>;

/** Comments in id order for API consumers: `after` is the last id they saw (keyset, never OFFSET). */
export async function listComments(query: ListCommentsQuery): Promise<{ comments: ApiComment[]; nextAfter: number | null }> {
  const comments = await db.comment.findMany({
    where: { status: query.status, articleId: query.articleId, id: query.after === undefined ? undefined : { gt: query.after } },
    orderBy: { id: "asc" },
    take: query.limit + 1,
    select: apiCommentSelect,
  });
  const page = comments.slice(0, query.limit);
  return { comments: page, nextAfter: comments.length > query.limit ? (page.at(-1)?.id ?? null) : null };
}
