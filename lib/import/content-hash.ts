import { hash } from "node:crypto";

// One-shot hashing: a Hash object per comment cost a sixth of the content hash in bulk imports.
function sha256Hex(text: string): string {
  return hash("sha256", text, "hex");
}

/** The body as it is compared for dedupe: the same text typed on two systems must hash the same. */
export function canonicalBody(body: string): string {
  return body.normalize("NFC").trim();
}

export interface CommentHashInput {
  articleKey: string;
  authorName?: string;
  postedAt: Date;
  body: string;
}

/**
 * Content fingerprint of a comment whose source has no ids.
 * A JSON array is used as the encoding so no choice of separator can make two different
 * field tuples collide ("a|b" + "c" vs "a" + "b|c").
 */
export function commentContentHash({ articleKey, authorName, postedAt, body }: CommentHashInput): string {
  const canonical = JSON.stringify([articleKey, authorName ?? null, postedAt.toISOString(), canonicalBody(body)]);
  return sha256Hex(canonical);
}

export interface ArticleKeyInput {
  externalId?: string;
  url?: string;
  title: string;
  publishedAt?: Date;
}

/** Stable article identity inside an import: the source id, else the URL, else title + publication date. */
export function articleKeyFor({ externalId, url, title, publishedAt }: ArticleKeyInput): string {
  if (externalId !== undefined && externalId !== "") return `id:${externalId}`;
  if (url !== undefined && url !== "") return `url:${url}`;
  return `title:${sha256Hex(JSON.stringify([title.normalize("NFC").trim(), publishedAt?.toISOString() ?? null]))}`;
}

/** Comment dedupe key: the source id when there is one, else the content fingerprint. */
export function commentKeyFor(externalId: string | undefined, content: CommentHashInput): string {
  if (externalId !== undefined && externalId !== "") return `id:${externalId}`;
  return `hash:${commentContentHash(content)}`;
}
