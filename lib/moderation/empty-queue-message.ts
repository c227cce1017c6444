import type { QueueFilters } from "./schemas";

/**
 * What an empty queue says. With an author filter it says the name is matched exactly, capitals
 * included: a moderator who typed "grumpy" for "GrumpyReader" otherwise read "Nothing here" as
 * "this author has no comments" (a partial or case-blind lookup would need its own index at 10M).
 */
export function emptyQueueMessage(filters: Pick<QueueFilters, "author">): string {
  if (filters.author) {
    return `No comment here by “${filters.author}”. The author filter takes the whole name exactly as on the cards, capitals included; search finds words in the text.`;
  }
  return "Nothing here. New comments appear as they are imported.";
}
