import { z } from "zod";
import { nulTextMessage } from "@/lib/validation/nul-text";
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
    if (article[field]?.includes("\u0000")) context.addIssue({ code: "custom", path: [field], message: nulTextMessage(field) });
  }
  const problem = articleFieldProblem({ key: articleKeyFor({ externalId: article.id, url: article.url, title: article.title }), externalId: article.id, url: article.url });
  if (problem) context.addIssue({ code: "custom", path: [problem.field], message: problem.message });
});

export const ingestBodySchema = z.union([ingestArticleSchema, z.array(ingestArticleSchema).min(1)]);
export type IngestBody = z.infer<typeof ingestBodySchema>;
export type IngestArticle = z.infer<typeof ingestArticleSchema>;

export const INGEST_MAX_BYTES = 10 * 1024 * 1024;
