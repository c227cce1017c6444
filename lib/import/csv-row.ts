// Turns one CSV row (already split into values) into an article reference and a comment.
import { articleKeyFor, commentKeyFor } from "./content-hash";
import { notADateMessage, parseTimestamp } from "./dates";
import { quoteValue } from "./events";
import type { CommentStatusHint, ParsedArticle, ParsedComment } from "./types";

export const CSV_COLUMNS = [
  "article_id",
  "article_url",
  "article_title",
  "comment_id",
  "parent_id",
  "author",
  "author_id",
  "body",
  "posted_at",
  "status",
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

const STATUS_HINTS: Record<string, CommentStatusHint> = { pending: "PENDING", approved: "APPROVED", hidden: "HIDDEN" };

export type CsvRowResult =
  | { ok: true; article: ParsedArticle; comment: ParsedComment }
  | { ok: false; problems: { field: CsvColumn; message: string }[] };

export interface CsvRowContext {
  line: number;
  index: number;
  utcOffsetMinutes: number;
}

/** Validates one row; every wrong value is reported, not just the first. */
export function csvRowToComment(value: (column: CsvColumn) => string, context: CsvRowContext): CsvRowResult {
  const problems: { field: CsvColumn; message: string }[] = [];
  const articleId = value("article_id").trim();
  const articleUrl = value("article_url").trim();
  const articleTitle = value("article_title").trim();
  if (!articleId && !articleUrl && !articleTitle) {
    problems.push({ field: "article_title", message: "the row names no article: fill article_id, article_url or article_title" });
  }
  const body = value("body");
  if (body.trim() === "") problems.push({ field: "body", message: "body is empty" });
  const postedText = value("posted_at");
  // Zone-less timestamps are common in spreadsheet exports: they are read at the import's UTC offset.
  const postedAt = parseTimestamp(postedText, { utcOffsetMinutes: context.utcOffsetMinutes });
  if (postedAt === undefined) problems.push({ field: "posted_at", message: notADateMessage("posted_at", postedText) });
  const statusText = value("status").trim().toLowerCase();
  const statusHint = statusText === "" ? undefined : STATUS_HINTS[statusText];
  if (statusText !== "" && statusHint === undefined) {
    problems.push({ field: "status", message: `status ${quoteValue(value("status"))} is not one of 'pending', 'approved', 'hidden' (or empty)` });
  }
  if (problems.length > 0 || postedAt === undefined) return { ok: false, problems };

  const articleKey = articleKeyFor({ externalId: articleId, url: articleUrl, title: articleTitle });
  const article: ParsedArticle = {
    key: articleKey,
    title: articleTitle || articleUrl || `Article ${articleId}`,
    ...(articleId ? { externalId: articleId } : {}),
    ...(articleUrl ? { url: articleUrl } : {}),
  };
  const externalId = value("comment_id").trim();
  const parentId = value("parent_id").trim();
  const authorName = value("author").trim();
  const authorId = value("author_id").trim();
  const comment: ParsedComment = {
    articleKey,
    source: "moddesk",
    key: commentKeyFor(externalId, { articleKey, authorName: authorName || undefined, postedAt, body }),
    body,
    postedAt,
    index: context.index,
    line: context.line,
    ...(externalId ? { externalId } : {}),
    ...(parentId ? { parentKey: `id:${parentId}` } : {}),
    ...(authorName ? { authorName } : {}),
    ...(authorId ? { authorExternalId: authorId } : {}),
    ...(statusHint ? { statusHint } : {}),
  };
  return { ok: true, article, comment };
}
