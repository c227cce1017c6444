import "server-only";
import { db } from "@/lib/db/client";
import { likePrefixPattern, MAX_AUTHOR_SUGGESTIONS } from "./author-name-match";

/**
 * Stored author names starting with the typed text, case aside, in order: the author filter's
 * suggestion list and what an empty filtered queue offers instead ("Rahul Sharma" for "rahul").
 * A range read of comment_author's lower(name) text_pattern_ops index, stopped at the limit: ordered
 * USING ~<~ (that index's byte order), as `ORDER BY lower(name)` in the database's collation read
 * and sorted every match ("r": half of 500,000 names, 540 ms; this way 0.8 ms).
 */
export async function suggestAuthorNames(typed: string, limit = MAX_AUTHOR_SUGGESTIONS): Promise<string[]> {
  const text = typed.trim();
  if (text === "") return [];
  const rows = await db.$queryRaw<{ name: string }[]>`
    SELECT name FROM comment_author WHERE lower(name) LIKE lower(${likePrefixPattern(text)}) ORDER BY lower(name) USING ~<~ LIMIT ${limit}`;
  return rows.map((row) => row.name);
}
