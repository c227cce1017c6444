// Contract between the format parsers (pure, streaming) and the database loader.
// A parser never touches the database: it turns bytes into ParseEvents, one at a time.

export const IMPORT_FORMATS = ["article", "json", "jsonl", "csv", "disqus", "wxr"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export type CommentStatusHint = "PENDING" | "APPROVED" | "HIDDEN";

export interface ParsedArticle {
  /** Stable identity of the article inside this import: externalId, else url, else a hash of title + date. */
  key: string;
  /** The key earlier versions gave the same article (WXR and Disqus, before keys named the site). */
  legacyKey?: string;
  externalId?: string;
  url?: string;
  title: string;
  body?: string;
  publishedAt?: Date;
}

export interface ParsedComment {
  /** Key of the article (ParsedArticle.key) this comment belongs to. */
  articleKey: string;
  /** Where the comment comes from ("disqus", "wordpress", "moddesk", "article"): scope of externalId. */
  source: string;
  externalId?: string;
  /** Dedupe key: `id:<externalId>` when the source has ids, else `hash:<contentHash>` (see content-hash.ts). */
  key: string;
  /** The key earlier versions gave the same comment: a stored row with it and the same text is this one. */
  legacyKey?: string;
  /** The key of the comment this one replies to, when known. */
  parentKey?: string;
  authorName?: string;
  authorExternalId?: string;
  body: string;
  postedAt: Date;
  /** Status carried over from the source system (Disqus deleted/spam, WordPress trash/spam). */
  statusHint?: CommentStatusHint;
  /** 0-based position of the comment in the file. */
  index: number;
  /** 1-based line where the record starts (for CSV/JSONL: the row's line; XML: the element's line). */
  line: number;
}

export interface ParseProblem {
  line: number;
  /** The field that is wrong, when one is ("postedAt", "body", ...). */
  field?: string;
  message: string;
}

export type ParseEvent =
  | { type: "article"; article: ParsedArticle; line: number }
  | { type: "comment"; comment: ParsedComment }
  /** A rejected row; `sameRow` marks a further problem of a row already counted (each is listed, the row counts once). */
  | { type: "problem"; problem: ParseProblem; sameRow?: true }
  | { type: "warning"; warning: ParseProblem };

export interface ParseOptions {
  /** Name shown in problems ("comments.csv"). */
  fileName: string;
  /** Wall-clock offset for formats whose dates carry no zone (article text, some CSV). Default 0 (UTC). */
  utcOffsetMinutes?: number;
  /** Largest accepted comment body in characters; longer ones are rejected as problems. */
  maxBodyChars?: number;
}

export const DEFAULT_MAX_BODY_CHARS = 100_000;
