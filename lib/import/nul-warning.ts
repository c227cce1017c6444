import type { ParsedComment, ParseProblem } from "./types";

// PostgreSQL text cannot hold U+0000, so the COPY writer (copy-format.ts) leaves it out. That changes
// what the reader wrote, so the import says so on the comment's line instead of doing it silently.

const FIELDS = ["body", "authorName"] as const;

/** The warning for a comment whose text holds NUL characters, or null. */
export function nulWarning(comment: Pick<ParsedComment, "line" | "body" | "authorName">): ParseProblem | null {
  const field = FIELDS.find((name) => comment[name]?.includes("\u0000"));
  if (!field) return null;
  return { line: comment.line, field, message: `the comment on line ${comment.line} holds NUL characters (U+0000) in its ${field === "body" ? "text" : "author name"}, which the database cannot store: they were left out` };
}
