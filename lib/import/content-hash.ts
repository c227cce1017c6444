import { hash } from "node:crypto";

// One-shot hashing: a Hash object per comment cost a sixth of the content hash in bulk imports.
function sha256Hex(text: string): string {
  return hash("sha256", text, "hex");
}

/**
 * Text that NFC leaves as it is whatever it holds: U+0000–U+02FF and the general punctuation from
 * U+2002 (’ “ ” … – —). None of them decomposes or combines with a neighbour (content-hash.test.ts
 * checks every pair), and normalize() cost as much as the hash itself.
 */
const ALWAYS_NFC = /^[\u0000-\u02ff\u2002-\u206f]*$/;

/** The body as it is compared for dedupe: the same text typed on two systems must hash the same. */
export function canonicalBody(body: string): string {
  return (ALWAYS_NFC.test(body) ? body : body.normalize("NFC")).trim();
}

/** What JSON.stringify writes other than as itself: quotes, backslashes, control characters, surrogates. */
const NEEDS_JSON_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * JSON.stringify([articleKey, authorName ?? null, postedAt, body]), character for character; when
 * no value needs escaping it is put together directly (JSON.stringify scanned every character of
 * the body one at a time, a third of the content hash's cost).
 */
function canonicalJson(articleKey: string, authorName: string | undefined, postedAt: string, body: string): string {
  if (NEEDS_JSON_ESCAPE.test(articleKey) || (authorName != null && NEEDS_JSON_ESCAPE.test(authorName)) || NEEDS_JSON_ESCAPE.test(body)) {
    return JSON.stringify([articleKey, authorName ?? null, postedAt, body]);
  }
  return `["${articleKey}",${authorName == null ? "null" : `"${authorName}"`},"${postedAt}","${body}"]`;
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
  return sha256Hex(canonicalJson(articleKey, authorName, postedAt.toISOString(), canonicalBody(body)));
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
