// The common JSONL line, validated by hand: zod's generic object path cost more than JSON.parse
// itself. It only ever says yes to what jsonlCommentSchemaFor accepts; anything else (a missing or
// extra field, a wrong type, an empty id, a bad date) returns null and goes through zod, whose
// messages name the field. fast-jsonl-comment.test.ts holds the two to the same answers.
import { z } from "zod";
import type { JsonlComment } from "./schemas";

// zod's own pattern for z.iso.datetime({ offset: true }), so both paths accept the same dates.
const ISO_DATETIME = (z.iso.datetime({ offset: true }) as unknown as { _zod: { pattern: RegExp } })._zod.pattern;
const NOT_BLANK = /\S/;
const STATUSES = new Set(["pending", "approved", "hidden"]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const isNonEmptyString = (value: unknown): boolean => typeof value === "string" && value.length > 0;

function isArticleRef(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  let fields = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) return false;
    if ((key !== "id" && key !== "url" && key !== "title") || !isNonEmptyString(value[key])) return false;
    fields++;
  }
  return fields > 0;
}

/** Whether one known field of a comment holds what the schema wants; unknown fields are not. */
function isValidField(key: string, value: unknown, maxBodyChars: number): boolean {
  switch (key) {
    case "id": case "parentId": case "source": return isNonEmptyString(value);
    case "author": case "authorId": return typeof value === "string";
    case "body": return typeof value === "string" && value.length > 0 && value.length <= maxBodyChars && NOT_BLANK.test(value);
    case "postedAt": return typeof value === "string" && ISO_DATETIME.test(value);
    case "status": return typeof value === "string" && STATUSES.has(value);
    case "article": return isArticleRef(value);
    default: return false;
  }
}

/**
 * The JSONL comment `value` when it is valid as it stands (the same object zod would return,
 * field for field), else null: then zod decides and explains.
 */
export function fastJsonlComment(value: unknown, maxBodyChars: number): JsonlComment | null {
  if (!isPlainObject(value)) return null;
  let required = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key) || !isValidField(key, value[key], maxBodyChars)) return null;
    if (key === "body" || key === "postedAt" || key === "article") required++;
  }
  return required === 3 ? (value as unknown as JsonlComment) : null;
}
