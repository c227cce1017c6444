/**
 * The moderator's place in a queue page, kept across leaving it: an author's page, a comment's
 * History, a thread, then the browser's Back. The board came back (from the router's cache) with
 * the focus on its first card while the browser restored the scroll to where the moderator was:
 * the next `a` approved a comment nobody was looking at. Kept per page address (tab, filters and
 * page), in the tab's session storage.
 */
export function queuePlaceKey(pagePath: string): string {
  return `moddesk:queue-place:${pagePath}`;
}

/** The index to focus on coming back: the remembered comment's, while the page still lists it; else null (the first). */
export function restoredFocus(ids: readonly number[], remembered: string | null): number | null {
  if (remembered === null || !/^\d+$/.test(remembered)) return null;
  const index = ids.indexOf(Number(remembered));
  return index >= 0 ? index : null;
}
