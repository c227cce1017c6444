// The columns of a decisions export, in order: one place for the SQL (decision-rows-query.ts), the
// formatters, the Exports page's documentation table and the README.

export type ColumnKind = "int" | "text";

export interface ExportColumn {
  key: string;
  kind: ColumnKind;
  description: string;
}

export const EXPORT_COLUMNS = [
  { key: "decision_id", kind: "int", description: "The decision's id (one row per decision)." },
  { key: "comment_id", kind: "int", description: "Moddesk's id of the comment (/comments/<id>)." },
  { key: "comment_external_id", kind: "text", description: "The comment's id in its source system, when it had one." },
  { key: "comment_source", kind: "text", description: "Where the comment came from: disqus, wordpress, article, moddesk…" },
  { key: "article_id", kind: "int", description: "Moddesk's id of the article." },
  { key: "article_title", kind: "text", description: "The article's title." },
  { key: "author", kind: "text", description: "The comment's author name, as imported." },
  { key: "comment_text", kind: "text", description: "The comment's text, as imported." },
  { key: "posted_at", kind: "text", description: "When the comment was posted (ISO 8601, UTC)." },
  { key: "action", kind: "text", description: "The decision: APPROVE, HIDE, UNDO or REVERT." },
  { key: "from_status", kind: "text", description: "The comment's status before the decision." },
  { key: "status", kind: "text", description: "The comment's status the decision resulted in: PENDING, APPROVED or HIDDEN." },
  { key: "reason", kind: "text", description: "The reason category: OFF_TOPIC, NATIONALIST, ABUSIVE, SPAM, OTHER (empty if none)." },
  { key: "note", kind: "text", description: "The moderator's note (or the auto-hide rules), empty if none." },
  { key: "moderator", kind: "text", description: "The moderator's email; \"system\" for auto-hide rules." },
  { key: "decided_at", kind: "text", description: "When the decision was made (ISO 8601, UTC)." },
  { key: "flag_categories", kind: "text", description: "The categories of the flags the comment has, ';'-joined, sorted, distinct." },
  { key: "flag_rules", kind: "text", description: "The names of the rules that flagged the comment, ';'-joined, sorted, distinct." },
] as const satisfies readonly ExportColumn[];

export type ExportColumnKey = (typeof EXPORT_COLUMNS)[number]["key"];

/** A row as the cursor gives it: values in EXPORT_COLUMNS order (ints as numbers, the rest text). */
export type ExportRow = (string | number | null)[];
