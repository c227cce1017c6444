import type { ParsedArticle, ParsedComment } from "./types";

// What PostgreSQL cannot store, refused per comment before a chunk is written. A comment's dedupe
// key, its parent's key, its author's name and an article's key are in B-tree indexes, whose
// entries stop at 2,704 bytes: one value past that failed the whole chunk's transaction (every
// other comment of up to 10,000 with it) and the ingest API answered 500. A NUL in an id failed
// the same way (PostgreSQL text cannot hold U+0000, and an id changed in silence would no longer
// dedupe). So: refused with the line and the field, everything else in the file imported.

/** Bytes of a stored key (source + id, or an article's id or url): well inside a B-tree entry. */
export const MAX_KEY_BYTES = 2_000;
/** An author's name, as the queue's author filter, notes and "hide all" take it (lib/moderation/schemas.ts). */
export const MAX_AUTHOR_CHARS = 200;
/** An author's id in the site's system. */
export const MAX_AUTHOR_ID_CHARS = 200;

export interface FieldProblem {
  /** The field as the JSON format names it: id, parentId, source, author, authorId, url. */
  field: string;
  message: string;
}

const utf8Bytes = (text: string): number => Buffer.byteLength(text, "utf8");
const hasNul = (text: string | undefined): boolean => text !== undefined && text.includes("\u0000");
const count = (value: number): string => value.toLocaleString("en-US");

function keyTooLong(field: string, what: string, bytes: number): FieldProblem {
  return { field, message: `${field} is too long: ${what} takes ${count(bytes)} bytes, at most ${count(MAX_KEY_BYTES)}; the comment was not imported` };
}

/** Why a parsed comment cannot be stored as it is, or null. */
export function commentFieldProblem(comment: Pick<ParsedComment, "source" | "key" | "parentKey" | "authorName" | "authorExternalId">): FieldProblem | null {
  // Checked field by field: a list of pairs per comment was garbage a bulk import paid for.
  const nulField = hasNul(comment.source) ? "source" : hasNul(comment.key) ? "id" : hasNul(comment.parentKey) ? "parentId" : hasNul(comment.authorExternalId) ? "authorId" : null;
  if (nulField !== null) return { field: nulField, message: `${nulField} holds a NUL character (U+0000), which an id cannot hold; the comment was not imported` };
  const sourceBytes = utf8Bytes(comment.source);
  const keyBytes = sourceBytes + 1 + utf8Bytes(comment.key);
  // Named after the longer part: a key made from the content (no id) is short, so it is the source.
  if (keyBytes > MAX_KEY_BYTES) return keyTooLong(comment.key.startsWith("id:") && keyBytes - sourceBytes > sourceBytes ? "id" : "source", "with its source it", keyBytes);
  if (comment.parentKey !== undefined) {
    const parentBytes = utf8Bytes(comment.source) + 1 + utf8Bytes(comment.parentKey);
    if (parentBytes > MAX_KEY_BYTES) return keyTooLong("parentId", "with its source it", parentBytes);
  }
  if (comment.authorName !== undefined && comment.authorName.length > MAX_AUTHOR_CHARS) {
    return { field: "author", message: `author is ${count(comment.authorName.length)} characters long, at most ${MAX_AUTHOR_CHARS}; the comment was not imported` };
  }
  if (comment.authorExternalId !== undefined && comment.authorExternalId.length > MAX_AUTHOR_ID_CHARS) {
    return { field: "authorId", message: `authorId is ${count(comment.authorExternalId.length)} characters long, at most ${MAX_AUTHOR_ID_CHARS}; the comment was not imported` };
  }
  return null;
}

/** Why an article cannot be stored under its identity (its id or url), or null. */
export function articleFieldProblem(article: Pick<ParsedArticle, "key" | "externalId" | "url">): FieldProblem | null {
  for (const [field, value] of [["id", article.externalId], ["url", article.url]] as const) {
    if (hasNul(value)) return { field, message: `the article's ${field} holds a NUL character (U+0000), which it cannot hold; the article and its comments were not imported` };
  }
  const keyBytes = utf8Bytes(article.key);
  if (keyBytes <= MAX_KEY_BYTES) return null;
  const field = article.externalId ? "id" : "url";
  return { field, message: `the article's ${field} is too long: it takes ${count(keyBytes)} bytes, at most ${count(MAX_KEY_BYTES)}; the article and its comments were not imported` };
}
