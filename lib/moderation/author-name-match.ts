// Pure pieces of the author filter's name lookup (resolve-author-names.ts, suggest-author-names.ts).

/** How many stored names one typed text may stand for ("rahul": "Rahul", "RAHUL", "rahul"). */
export const MAX_RESOLVED_NAMES = 20;
/** How many names the filter's suggestion list offers. */
export const MAX_AUTHOR_SUGGESTIONS = 8;

/**
 * A LIKE pattern for "starts with this text": %, _ and the escape character itself are matched
 * literally ("50%_off" must not match "50 percent off"). The text is folded in SQL (lower()), as the
 * index is, never here: JavaScript's and PostgreSQL's case folding differ for some letters.
 */
export function likePrefixPattern(text: string): string {
  return `${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * The names the queue filters on: the stored names the typed text stands for, else the text itself
 * (exactly as before: an unknown name finds nothing, at the same cost). One name keeps the
 * filter a keyset read of the author index (`authorName = x`).
 */
export function authorFilterNames(typed: string, stored: readonly string[]): string[] {
  if (stored.length === 0) return [typed];
  // The exact spelling first: with several case variants, it is the one the moderator copied.
  return [...new Set(stored.includes(typed) ? [typed, ...stored] : stored)];
}
