// The JSON interchange format, defined once: the file importers and the HTTP ingest API validate with
// these schemas, and the README publishes the JSON Schema generated from them (importJsonSchemas).
import { z } from "zod";
import { DEFAULT_MAX_BODY_CHARS } from "./types";

const externalId = z.string().min(1);
const isoDateTime = z.iso.datetime({ offset: true });

// Strict objects: a field we do not know is an error (a typo such as "postedat" or "athor" would
// otherwise be dropped without a word), in files and in the ingest API alike.

export function jsonCommentSchemaFor(maxBodyChars: number = DEFAULT_MAX_BODY_CHARS) {
  return z.strictObject({
    /** The comment's id in the source system; makes re-imports idempotent. */
    id: externalId.optional(),
    /** id of the comment this one replies to. */
    parentId: externalId.optional(),
    author: z.string().optional(),
    authorId: z.string().optional(),
    // Empty or only spaces: one problem ("body is blank"), not two.
    body: z.string().max(maxBodyChars).regex(/\S/),
    /** ISO 8601 with a zone, e.g. 2015-07-23T18:43:00Z or 2015-07-23T23:43:00+05:00. */
    postedAt: isoDateTime,
    status: z.enum(["pending", "approved", "hidden"]).optional(),
    /** System the ids come from ("disqus", "wordpress", ...); defaults to "moddesk". */
    source: z.string().min(1).optional(),
  });
}

export const jsonCommentSchema = jsonCommentSchemaFor();
export type JsonComment = z.infer<typeof jsonCommentSchema>;

/** Article fields without its comments: the JSON parser validates comments one by one. */
export const jsonArticleHeaderSchema = z.strictObject({
  id: externalId.optional(),
  url: z.string().min(1).optional(),
  title: z.string().min(1),
  body: z.string().optional(),
  publishedAt: z.union([z.iso.date(), isoDateTime]).optional(),
});

export const jsonArticleSchema = jsonArticleHeaderSchema.extend({ comments: z.array(jsonCommentSchema) });
export type JsonArticle = z.infer<typeof jsonArticleSchema>;

/** A .json import file: one article, or an array of articles. */
export const jsonFileSchema = z.union([jsonArticleSchema, z.array(jsonArticleSchema)]);

/**
 * Which article a JSONL comment belongs to. Give `id` or `url` when the article may already exist;
 * `title` alone identifies it by title, and is required when neither id nor url is given.
 */
export const jsonlArticleRefSchema = z
  .strictObject({ id: externalId.optional(), url: z.string().min(1).optional(), title: z.string().min(1).optional() })
  .refine((ref) => ref.id !== undefined || ref.url !== undefined || ref.title !== undefined, {
    message: "article needs an id, a url or a title",
  });

export function jsonlCommentSchemaFor(maxBodyChars: number = DEFAULT_MAX_BODY_CHARS) {
  return jsonCommentSchemaFor(maxBodyChars).extend({ article: jsonlArticleRefSchema });
}

export const jsonlCommentSchema = jsonlCommentSchemaFor();
export type JsonlComment = z.infer<typeof jsonlCommentSchema>;

/** JSON Schema documents for the README / API docs, generated from the zod schemas above. */
export function importJsonSchemas(): Record<"jsonFile" | "jsonArticle" | "jsonComment" | "jsonlComment", unknown> {
  return {
    jsonFile: z.toJSONSchema(jsonFileSchema),
    jsonArticle: z.toJSONSchema(jsonArticleSchema),
    jsonComment: z.toJSONSchema(jsonCommentSchema),
    jsonlComment: z.toJSONSchema(jsonlCommentSchema),
  };
}
