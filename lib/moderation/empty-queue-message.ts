import type { QueueFilters } from "./schemas";

/**
 * What an empty queue says. With an author filter: the whole name is matched, capitals aside (a
 * moderator who read "Nothing here" took it for "this author has no comments"), and the names that
 * start with what was typed, when there are some ("rahul" for "Rahul Sharma").
 */
export function emptyQueueMessage(filters: Pick<QueueFilters, "author">, suggestions: readonly string[] = []): string {
  if (filters.author) {
    const others = suggestions.filter((name) => name !== filters.author);
    const hint = others.length > 0 ? ` Names that start with it: ${others.map((name) => `“${name}”`).join(", ")}.` : "";
    return `No comment here by “${filters.author}”. The author filter takes the whole name as on the cards (capitals do not matter); search finds words in the text.${hint}`;
  }
  return "Nothing here. New comments appear as they are imported.";
}
