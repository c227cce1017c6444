// The URL of an author's page. Names are free text; "." and ".." cannot be path segments (browsers
// and Next resolve them away, also when percent-encoded), so those two go in the query string,
// which the page reads first.

import type { CommentStatusName } from "./queue-item";

const DOT_SEGMENT = /^\.{1,2}$/;
export const AUTHOR_NAME_PARAM = "name";
export const AUTHOR_STATUS_PARAM = "status";
const STATUSES: readonly CommentStatusName[] = ["PENDING", "APPROVED", "HIDDEN"];

export function authorHref(name: string): string {
  if (DOT_SEGMENT.test(name)) return `/authors/-?${AUTHOR_NAME_PARAM}=${encodeURIComponent(name)}`;
  return `/authors/${encodeURIComponent(name)}`;
}

/**
 * The author a request names: the query's `name` if given, else the decoded path segment; null for a
 * name no comment can have (a NUL: PostgreSQL refused the page's query, a 500), which is a 404.
 */
export function authorNameFrom(segment: string, query: string | string[] | undefined): string | null {
  const name = nameIn(segment, query);
  return name.includes("\u0000") ? null : name;
}

function nameIn(segment: string, query: string | string[] | undefined): string {
  const fromQuery = Array.isArray(query) ? query[0] : query;
  if (fromQuery !== undefined && fromQuery !== "") return fromQuery;
  try {
    return decodeURIComponent(segment);
  } catch {
    // A stray "%" (Next passes such a segment on undecoded): the name is the text itself.
    return segment;
  }
}

/**
 * An author's page showing only the comments in one status ("the 12 hidden ones, and why"), or all
 * of them (null). A prolific author's page listed up to 500 cards in posting order, every status
 * mixed: the hidden few were a long scroll away on a phone.
 */
export function authorStatusHref(name: string, status: CommentStatusName | null): string {
  const base = authorHref(name);
  if (status === null) return base;
  return `${base}${base.includes("?") ? "&" : "?"}${AUTHOR_STATUS_PARAM}=${status.toLowerCase()}`;
}

/** The status an author's page is filtered to, from its query (`?status=hidden`); anything else: all. */
export function authorStatusFrom(query: string | string[] | undefined): CommentStatusName | null {
  const value = (Array.isArray(query) ? query[0] : query)?.toUpperCase();
  return STATUSES.find((status) => status === value) ?? null;
}
