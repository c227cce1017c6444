import "server-only";
import type { PoolClient } from "pg";
import type { CommentContext } from "@/lib/detect/types";

// The keyset scan shared by backtests and re-runs: comments in id order with what the rules read
// (article text and parent body, for OFF_TOPIC). The one place this SQL lives.

export interface StoredComment {
  id: number;
  status: "PENDING" | "APPROVED" | "HIDDEN";
  authorName: string | null;
  context: CommentContext;
}

/** Article texts by id, shared across batches (comments of one thread come together). */
export type ArticleTextCache = Map<number, string>;

const ARTICLE_CACHE_LIMIT = 2_000;

export async function loadCommentBatch(
  client: PoolClient,
  request: { afterId: number; maxId?: number; limit: number; lockRows?: boolean; pendingOnly?: boolean; articles: ArticleTextCache },
): Promise<StoredComment[]> {
  // FOR UPDATE (re-runs): a moderator's decision on one of these comments waits for the batch, so
  // the PENDING status read here is still true when an AUTO_HIDE rule hides the comment.
  const { rows } = await client.query<{ id: number; body: string; status: StoredComment["status"]; authorName: string | null; articleId: number; parentBody: string | null }>(
    `SELECT c.id, c.body, c.status, c."authorName", c."articleId", p.body AS "parentBody"
     FROM comment c LEFT JOIN comment p ON p.id = c."parentId"
     WHERE c.id > $1 AND c.id <= $2 ${request.pendingOnly ? `AND c.status = 'PENDING'` : ""}
     ORDER BY c.id LIMIT $3
     ${request.lockRows ? "FOR UPDATE OF c" : ""}`,
    [request.afterId, request.maxId ?? 2_147_483_647, request.limit],
  );
  const missing = [...new Set(rows.map((row) => row.articleId))].filter((id) => !request.articles.has(id));
  if (missing.length > 0) {
    if (request.articles.size > ARTICLE_CACHE_LIMIT) request.articles.clear();
    const articles = await client.query<{ id: number; title: string; body: string | null }>(`SELECT id, title, body FROM article WHERE id = ANY($1::int[])`, [missing]);
    // The same text the importer gives the rules (lib/import/run-import.ts).
    for (const article of articles.rows) request.articles.set(article.id, `${article.title}\n${article.body ?? ""}`);
  }
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    authorName: row.authorName,
    context: { body: row.body, articleText: request.articles.get(row.articleId), parentBody: row.parentBody ?? undefined },
  }));
}
