// Pure and free of server code: the thread page's client list uses it.

/**
 * Where to read a reply's parent when the window cannot nest the reply under it (a comment at the
 * top level of the window that has a parent: the parent is in another window). The window around
 * the parent, focused on it. Null when the parent is right above (nested) or there is none.
 */
export function parentElsewhereHref(reply: { article: { id: number }; parent: { id: number } | null }, depth: number): string | null {
  if (!reply.parent || depth > 0) return null;
  return `/articles/${reply.article.id}?comment=${reply.parent.id}`;
}
