import "server-only";
import { db } from "@/lib/db/client";
import { authorFilterNames, MAX_RESOLVED_NAMES } from "./author-name-match";
import type { QueueFilters } from "./schemas";

/**
 * The stored author names a moderator's typed text stands for, case aside ("rahul" → "Rahul"): one
 * probe of comment_author's lower(name) index, a table of distinct names (a few per thousand
 * comments), never a case-blind scan of comment. The queue then filters on the exact names.
 */
export async function resolveAuthorNames(typed: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ name: string }[]>`
    SELECT name FROM comment_author WHERE lower(name) = lower(${typed}) ORDER BY name LIMIT ${MAX_RESOLVED_NAMES}`;
  return authorFilterNames(typed, rows.map((row) => row.name));
}

/** The filters with the author filter's names resolved (the page and a bulk run match the same comments). */
export async function withAuthorNames(filters: QueueFilters): Promise<QueueFilters> {
  if (!filters.author || filters.authorNames) return filters;
  return { ...filters, authorNames: await resolveAuthorNames(filters.author) };
}
