import { z } from "zod";

// The parts of Disqus API 3.0 responses the connector reads, checked before use (a changed API
// must fail loudly, not import garbage). Shapes from the documented example responses of
// forums/listPosts (https://disqus.com/api/docs/forums/listPosts/), posts/details and
// posts/approve (https://disqus.com/api/docs/posts/approve/). Fields not listed are ignored; in
// particular author.email and ipAddress are never read.

export const disqusThreadSchema = z.object({
  id: z.string(),
  forum: z.string().optional(),
  title: z.string().nullish(),
  link: z.string().nullish(),
  /** The site's own identifiers for the thread (disqus_identifier); the first keys the article. */
  identifiers: z.array(z.string()).default([]),
  createdAt: z.string().nullish(),
});
export type DisqusThread = z.infer<typeof disqusThreadSchema>;

export const disqusPostSchema = z.object({
  id: z.string(),
  forum: z.string().optional(),
  /** With related=thread, the thread object; without, its id. */
  thread: z.union([disqusThreadSchema, z.string()]),
  parent: z.union([z.number(), z.string()]).nullish(),
  message: z.string().default(""),
  raw_message: z.string().optional(),
  createdAt: z.string(),
  isApproved: z.boolean().default(false),
  isDeleted: z.boolean().default(false),
  isSpam: z.boolean().default(false),
  isFlagged: z.boolean().default(false),
  isEdited: z.boolean().default(false),
  numReports: z.number().int().nonnegative().default(0),
  author: z
    .object({
      id: z.string().nullish(),
      name: z.string().nullish(),
      username: z.string().nullish(),
      isAnonymous: z.boolean().default(false),
    })
    .nullish(),
});
export type DisqusPost = z.infer<typeof disqusPostSchema>;

export const disqusCursorSchema = z.object({
  next: z.string().nullish(),
  hasNext: z.boolean().default(false),
});

export const listPostsResponseSchema = z.object({
  code: z.literal(0),
  cursor: disqusCursorSchema,
  response: z.array(disqusPostSchema),
});

export const postDetailsResponseSchema = z.object({ code: z.literal(0), response: disqusPostSchema });

/** posts/approve, remove, spam, restore: the ids acted on. */
export const postActionResponseSchema = z.object({ code: z.literal(0), response: z.array(z.object({ id: z.string() })) });

/** Any failure: a non-zero code and a message in `response`. */
export const errorResponseSchema = z.object({ code: z.number().int(), response: z.unknown() });
