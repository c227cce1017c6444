import { commentKeyFor } from "./content-hash";
import { notADateMessage } from "./dates";
import { parseUtcTimestamp } from "./utc-timestamp";
import type { JsonComment } from "./schemas";
import type { CommentStatusHint, ParsedComment } from "./types";

const STATUS_HINTS: Record<NonNullable<JsonComment["status"]>, CommentStatusHint> = {
  pending: "PENDING",
  approved: "APPROVED",
  hidden: "HIDDEN",
};

export type JsonCommentResult = { ok: true; comment: ParsedComment } | { ok: false; field: string; message: string };

/** A schema-valid JSON/JSONL comment as a ParsedComment (shared by both formats and the ingest API). */
export function parsedCommentFromJson(input: JsonComment, articleKey: string, index: number, line: number): JsonCommentResult {
  // zod's datetime check is a pattern; this also rejects impossible dates such as February 30.
  const postedAt = parseUtcTimestamp(input.postedAt);
  if (postedAt === undefined) return { ok: false, field: "postedAt", message: notADateMessage("postedAt", input.postedAt) };
  const authorName = input.author?.trim() || undefined;
  // Optional fields assigned one by one, in the order the spreads gave: each spread made an object per field.
  const comment: ParsedComment = {
    articleKey,
    source: input.source ?? "moddesk",
    key: commentKeyFor(input.id, { articleKey, authorName, postedAt, body: input.body }),
    body: input.body,
    postedAt,
    index,
    line,
  };
  if (input.id !== undefined) comment.externalId = input.id;
  if (input.parentId !== undefined) comment.parentKey = `id:${input.parentId}`;
  if (authorName !== undefined) comment.authorName = authorName;
  if (input.authorId) comment.authorExternalId = input.authorId;
  if (input.status !== undefined) comment.statusHint = STATUS_HINTS[input.status];
  return { ok: true, comment };
}
