import { z } from "zod";
import { articleKeyFor } from "./content-hash";
import { articleFieldProblem } from "./field-limits";
import { jsonArticleHeaderSchema } from "./schemas";

/**
 * Body of POST /api/v1/comments: the JSON import format (one article with its comments, or an array
 * of them). Article fields are checked here, as a whole (a bad article is a 400); comments are checked
 * one by one by the ingest with jsonCommentSchema, so one bad comment does not sink the others.
 */
const ingestArticleSchema = jsonArticleHeaderSchema.extend({ comments: z.array(z.unknown()) }).superRefine((article, context) => {
  // What PostgreSQL cannot store is a 400 naming the field, not a 500 from the insert.
  for (const field of ["id", "url", "title", "body"] as const) {
    if (article[field]?.includes("\u0000")) context.addIssue({ code: "custom", path: [field], message: "holds a NUL character (U+0000), which cannot be stored: remove it" });
  }
  const problem = articleFieldProblem({ key: articleKeyFor({ externalId: article.id, url: article.url, title: article.title }), externalId: article.id, url: article.url });
  if (problem) context.addIssue({ code: "custom", path: [problem.field], message: problem.message });
});

export const ingestBodySchema = z.union([ingestArticleSchema, z.array(ingestArticleSchema).min(1)]);
export type IngestBody = z.infer<typeof ingestBodySchema>;
export type IngestArticle = z.infer<typeof ingestArticleSchema>;

export const INGEST_MAX_BYTES = 10 * 1024 * 1024;
/** Comments in one request: one chunk of the import (one transaction). */
export const INGEST_MAX_COMMENTS = 10_000;
/** Articles in one request. */
export const INGEST_MAX_ARTICLES = 1_000;
/**
 * Readers' reports in one request, across its comments: they are written in one transaction after the
 * comments, and 240,000 of them (10 MB) outlasted its 5 s limit: a 500, the comments stored, the reports lost.
 */
export const INGEST_MAX_REPORTS = 10_000;
/**
 * The most a full request holds (10,000 comments of a dozen fields, 10,000 reports, 1,000 articles:
 * about 250,000 values) with room to spare; objects as small as every schema's (lib/http/json-shape.ts).
 */
export const INGEST_JSON_SHAPE = { maxValues: 400_000, maxFields: 1_000, maxDepth: 64 } as const;

function reportsOf(comment: unknown): number {
  const reports = typeof comment === "object" && comment !== null ? (comment as { reports?: unknown }).reports : undefined;
  return Array.isArray(reports) ? reports.length : 0;
}

/**
 * Why a body is too many items for one request, or null. The byte cap alone let 10 MB of `{}`
 * through as 3.4 million comments: each was answered (rejected) and logged as a problem, about a
 * minute and 1.5 GB of the server's memory per 3 MB, and a 300 MB answer.
 */
export function ingestTooManyItems(body: IngestBody): string | null {
  const articles = Array.isArray(body) ? body : [body];
  if (articles.length > INGEST_MAX_ARTICLES) {
    return `The request holds ${articles.length.toLocaleString("en-US")} articles; at most ${INGEST_MAX_ARTICLES.toLocaleString("en-US")} are taken in one request. Send them in several requests, or import a file with the CLI.`;
  }
  const comments = articles.reduce((sum, article) => sum + article.comments.length, 0);
  if (comments > INGEST_MAX_COMMENTS) {
    return `The request holds ${comments.toLocaleString("en-US")} comments; at most ${INGEST_MAX_COMMENTS.toLocaleString("en-US")} are taken in one request. Send them in several requests, or import a file with the CLI.`;
  }
  const reports = articles.reduce((sum, article) => sum + article.comments.reduce<number>((count, comment) => count + reportsOf(comment), 0), 0);
  if (reports <= INGEST_MAX_REPORTS) return null;
  return `The request holds ${reports.toLocaleString("en-US")} readers' reports; at most ${INGEST_MAX_REPORTS.toLocaleString("en-US")} are taken in one request. Send the comments in several requests.`;
}
