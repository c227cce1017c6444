import { z } from "zod";
import { jsonArticleHeaderSchema } from "./schemas";

/**
 * Body of POST /api/v1/comments: the JSON import format (one article with its comments, or an array
 * of them). Article fields are checked here, as a whole (a bad article is a 400); comments are checked
 * one by one by the ingest with jsonCommentSchema, so one bad comment does not sink the others.
 */
const ingestArticleSchema = jsonArticleHeaderSchema.extend({ comments: z.array(z.unknown()) });

export const ingestBodySchema = z.union([ingestArticleSchema, z.array(ingestArticleSchema).min(1)]);
export type IngestBody = z.infer<typeof ingestBodySchema>;
export type IngestArticle = z.infer<typeof ingestArticleSchema>;

export const INGEST_MAX_BYTES = 10 * 1024 * 1024;
