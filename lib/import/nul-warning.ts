import { hasLoneSurrogate } from "@/lib/validation/well-formed-text";
import type { ParsedArticle, ParsedComment, ParseProblem } from "./types";

// PostgreSQL text cannot hold U+0000, so the COPY writer (copy-format.ts) leaves it out. That changes
// what the reader wrote, so the import says so on the comment's line instead of doing it silently.

const FIELDS = ["body", "authorName"] as const;
const ARTICLE_FIELDS = ["title", "body"] as const;

// Half a UTF-16 surrogate pair (JSON's "\ud800") is stored as U+FFFD by the driver: said too.

/** The warning for a comment whose text holds NUL characters or half a surrogate pair, or null. */
export function nulWarning(comment: Pick<ParsedComment, "line" | "body" | "authorName">): ParseProblem | null {
  const field = FIELDS.find((name) => comment[name]?.includes("\u0000"));
  const what = (name: (typeof FIELDS)[number]) => (name === "body" ? "text" : "author name");
  if (field) return { line: comment.line, field, message: `the comment on line ${comment.line} holds NUL characters (U+0000) in its ${what(field)}, which the database cannot store: they were left out` };
  const broken = FIELDS.find((name) => comment[name] !== undefined && hasLoneSurrogate(comment[name]));
  if (!broken) return null;
  return { line: comment.line, field: broken, message: `the comment on line ${comment.line} holds half of a UTF-16 surrogate pair (broken text) in its ${what(broken)}: it was stored as U+FFFD (�)` };
}

/**
 * An article's title and text without NUL characters, and the warning saying so. The COPY writer
 * leaves them out of comments; articles are inserted with parameters, which PostgreSQL refused
 * outright, failing the chunk with every comment in it.
 */
export function articleWithoutNul(article: ParsedArticle, line: number): { article: ParsedArticle; warning: ParseProblem | null } {
  const field = ARTICLE_FIELDS.find((name) => article[name]?.includes("\u0000"));
  if (!field) return { article, warning: null };
  const cleaned: ParsedArticle = { ...article, title: article.title.replaceAll("\u0000", "") };
  if (article.body !== undefined) cleaned.body = article.body.replaceAll("\u0000", "");
  return { article: cleaned, warning: { line, field: `article.${field}`, message: `the article on line ${line} holds NUL characters (U+0000) in its ${field === "title" ? "title" : "text"}, which the database cannot store: they were left out` } };
}
