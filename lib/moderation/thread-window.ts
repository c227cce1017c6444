import { z } from "zod";
import { rowIdFrom } from "@/lib/validation/bounds";
import { decodeCursor, encodeCursor } from "./cursor";

// An article's thread is paged by posting time, (postedAt, id), in windows of THREAD_PAGE comments:
// a thread of 20,000 comments is one screenful of cards at a time, on a phone too, and a comment
// opened "in its thread" is shown with the comments around it. Pure: the reads are in
// get-article-thread.ts.

export const THREAD_PAGE = 100;

/** Where a window of the thread starts: a comment (it and those around it), or a page's edge. */
export type ThreadPosition = { around: number } | { after: string } | { before: string } | Record<string, never>;

export interface ThreadKey {
  at: string;
  id: number;
}

const keySchema = z.object({ at: z.iso.datetime(), id: z.number().int().positive() });

export const threadCursorOf = (row: { postedAt: Date; id: number }): string => encodeCursor({ at: row.postedAt.toISOString(), id: row.id });
export const threadKeyOf = (cursor: string): ThreadKey | null => decodeCursor(cursor, keySchema);

type QueryValue = string | string[] | undefined;
const firstOf = (value: QueryValue) => (Array.isArray(value) ? value[0] : value);

/**
 * The thread page's query: ?comment=<id> (the window around that comment), else ?after= / ?before=
 * (the next or previous window), else the start. A bad id or cursor is the start, never an error;
 * `query` keeps what a sign-in must come back to.
 */
export function threadPositionFromQuery(query: Record<string, QueryValue>): { position: ThreadPosition; query: { comment?: string; after?: string; before?: string } } {
  const kept = { comment: firstOf(query.comment), after: firstOf(query.after), before: firstOf(query.before) };
  const around = rowIdFrom(kept.comment ?? "");
  const position: ThreadPosition = around !== null ? { around } : kept.after ? { after: kept.after } : kept.before ? { before: kept.before } : {};
  return { position, query: kept };
}

/**
 * How many comments to read on each side of the anchor: around a comment, a third before it (what
 * it answers) and the rest from it on; after a page, a page later; before one, a page earlier.
 * One more than shown on each side says whether there is more that way (0 + 1: just "is there?").
 */
export function windowSizes(position: ThreadPosition): { before: number; from: number } {
  if ("around" in position) return { before: Math.floor(THREAD_PAGE / 3), from: THREAD_PAGE - Math.floor(THREAD_PAGE / 3) };
  if ("before" in position) return { before: THREAD_PAGE, from: 0 };
  return { before: 0, from: THREAD_PAGE };
}

/**
 * The window from the rows read on each side (earlier ones newest first, as read), oldest first,
 * and whether the thread goes on each way.
 */
export function threadWindow<Row>(earlier: Row[], fromAnchor: Row[], sizes: { before: number; from: number }): { rows: Row[]; hasEarlier: boolean; hasLater: boolean } {
  return {
    rows: [...earlier.slice(0, sizes.before).reverse(), ...fromAnchor.slice(0, sizes.from)],
    hasEarlier: earlier.length > sizes.before,
    hasLater: fromAnchor.length > sizes.from,
  };
}

const commentCount = (count: number) => `${count.toLocaleString("en-US")} comment${count === 1 ? "" : "s"}`;

/** The thread header's count: "1 comment", "2,400 comments". */
export const threadCommentCount = commentCount;

/** What the window above the cards says it holds. */
export function threadWindowCaption(shown: number, total: number): string {
  if (shown === total) return total === 1 ? "The only comment." : `All ${commentCount(total)}, oldest first.`;
  return `${shown.toLocaleString("en-US")} of ${commentCount(total)}, by when they were posted; a reply whose parent is on another page quotes it, with a link to it.`;
}


/** The thread's first window, as opened from nowhere in particular (no comment, no page cursor). */
export const isThreadStart = (position: ThreadPosition): boolean => Object.keys(position).length === 0;

/** "1 word", "1,234 words": how long the folded article is. */
export function wordCount(text: string): string {
  const count = text.split(/\s+/).filter((word) => word !== "").length;
  return `${count.toLocaleString("en-US")} word${count === 1 ? "" : "s"}`;
}
