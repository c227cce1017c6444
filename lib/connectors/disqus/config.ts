import { z } from "zod";

// What an admin enters to connect a Disqus forum. The moderator's access token (OAuth 2, scopes
// read,write) is what lets posts/approve|remove|spam|restore act: Disqus requires the caller to be
// a moderator of the post's forum (https://disqus.com/api/docs/posts/approve/). api_key and
// api_secret identify the application (https://disqus.com/api/docs/requests/, /docs/auth/).

export const DISQUS_API_BASE = "https://disqus.com/api/3.0";

export const disqusConfigSchema = z.strictObject({
  /** The forum's short name (its id in the API): `forum=<shortname>`. */
  forum: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, "forum is the Disqus short name: letters, digits, '-' and '_'"),
  /** The application's public key. */
  apiKey: z.string().min(1, "apiKey (the application's public key) is required"),
  /** The application's secret key. */
  apiSecret: z.string().min(1, "apiSecret (the application's secret key) is required"),
  /** A moderator's OAuth access token. */
  accessToken: z.string().min(1, "accessToken (a forum moderator's OAuth token) is required"),
  /** What a Moddesk hide does on Disqus: remove (deleted) or spam (also trains Disqus's spam filter). */
  hideAs: z.enum(["remove", "spam"]).default("remove"),
  /** Post-moderated forums: posts already approved on Disqus arrive pending, so the desk reviews everything. */
  reviewApproved: z.boolean().default(false),
  /** Posts per listPosts page (Disqus allows at most 100). */
  pageSize: z.number().int().min(1).max(100).default(100),
  /** Per-request timeout: a hanging Disqus must not hold a sync or an outbox worker. */
  timeoutMs: z.number().int().min(1_000).max(120_000).default(15_000),
});
export type DisqusConfig = z.infer<typeof disqusConfigSchema>;
