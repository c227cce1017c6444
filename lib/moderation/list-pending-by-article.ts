import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { decodeCursor, encodeCursor } from "./cursor";

export interface PendingCommentRow {
  id: number;
  articleId: number;
  articleTitle: string;
  articlePublishedAt: Date | null;
  authorName: string | null;
  postedAt: Date;
  body: string;
  parentAuthorName: string | null;
}

const cursorSchema = z.object({ pa: z.string(), aid: z.number().int(), at: z.string(), id: z.number().int() });
const NO_DATE = "-infinity";

/** Pending comments, newest article first, each article's thread oldest first. Keyset-paginated. */
export async function listPendingByArticle(options: { cursor?: string; limit: number }): Promise<{ rows: PendingCommentRow[]; nextCursor: string | null }> {
  const after = decodeCursor(options.cursor, cursorSchema);
  const pa = after?.pa ?? null;
  const rows = await db.$queryRaw<(PendingCommentRow & { sortDate: Date | string })[]>`
    SELECT c.id, c."articleId", a.title AS "articleTitle", a."publishedAt" AS "articlePublishedAt",
           c."authorName", c."postedAt", c.body, p."authorName" AS "parentAuthorName",
           COALESCE(a."publishedAt", ${NO_DATE}::timestamp)::text AS "sortDate"
    FROM comment c
    JOIN article a ON a.id = c."articleId"
    LEFT JOIN comment p ON p.id = c."parentId"
    WHERE c.status = 'PENDING'
      AND (${pa}::text IS NULL
        OR COALESCE(a."publishedAt", ${NO_DATE}::timestamp) < ${pa}::timestamp
        OR (COALESCE(a."publishedAt", ${NO_DATE}::timestamp) = ${pa}::timestamp AND a.id < ${after?.aid ?? 0})
        OR (COALESCE(a."publishedAt", ${NO_DATE}::timestamp) = ${pa}::timestamp AND a.id = ${after?.aid ?? 0}
            AND (c."postedAt", c.id) > (${after?.at ?? NO_DATE}::timestamp, ${after?.id ?? 0})))
    ORDER BY COALESCE(a."publishedAt", ${NO_DATE}::timestamp) DESC, a.id DESC, c."postedAt" ASC, c.id ASC
    LIMIT ${options.limit + 1}`;
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > options.limit && last
      ? encodeCursor({ pa: String(last.sortDate), aid: last.articleId, at: last.postedAt.toISOString(), id: last.id })
      : null;
  return { rows: page.map(({ sortDate: _sortDate, ...row }) => row), nextCursor };
}
