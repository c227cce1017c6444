import { articleKeyFor } from "@/lib/import/content-hash";
import { htmlToText } from "@/lib/import/html-to-text";
import { siteScope } from "@/lib/import/source-scope";
import type { ParseEvent } from "@/lib/import/types";
import type { ConnectorFetch, PullPage } from "../connector";
import type { WordpressConfig } from "./config";
import { callRest, restUrl, wordpressSiteVersion, type WordpressComment, type WordpressPost } from "./rest-client";
import { REPORTS_META_KEY, reportsFromMeta } from "./reports-meta";
import { wordpressStatusHint } from "./status-map";

// Pulls one page of comments, oldest first, from where the last page stopped.
//
// WordPress has no "modified since" for comments, and its `after` filter compares comment_date, the
// site's local wall-clock time (WP_Comment_Query's date query; the REST handbook,
// https://developer.wordpress.org/rest-api/reference/comments/, calls it "published after"), while
// the page is ordered by date_gmt. Where the site's zone has daylight saving time, the hour after
// clocks go back repeats local times: a comment posted in the second 01:10 is older, in local time,
// than one posted in the first 01:55, so "after the newest local date pulled" would skip it for good.
// The cursor therefore keeps the ids pulled in the last local hour, and each page asks for comments
// after the hour before the newest one, leaving those ids out. At most MAX_EXCLUDED ids travel in
// the URL: on a site busier than that per hour the window narrows to what they cover.
// status=any returns every status (approved, hold, spam, trash) in one list. A status changed on the
// site later is not seen by the pull; it is seen when Moddesk pushes a decision for that comment (a
// conflict, see push.ts).

export const PAGE_SIZE = 100;
/** Daylight saving time moves clocks back by an hour at most (but for Antarctica's Troll station). */
export const OVERLAP_SECONDS = 3_600;
/** Ids left out per request: a few KB of URL, well under what web servers take. */
export const MAX_EXCLUDED = 250;

/** Ids pulled recently, with their local `date`, newest first. */
type Recent = Array<[id: number, localDate: string]>;

interface WordpressCursor {
  recent: Recent;
  /** Set once the window has narrowed (below): the local date it starts from, inclusive. */
  floor?: string;
}

function readCursor(cursor: string | null): WordpressCursor | null {
  if (cursor === null) return null;
  const parsed = JSON.parse(cursor) as { recent?: unknown; floor?: unknown; after?: unknown; seenIds?: unknown };
  if (Array.isArray(parsed.recent)) {
    const recent = parsed.recent.filter((entry): entry is [number, string] => Array.isArray(entry) && typeof entry[0] === "number" && typeof entry[1] === "string");
    return typeof parsed.floor === "string" ? { recent, floor: parsed.floor } : { recent };
  }
  // A cursor written before the overlap: the ids pulled at the newest second.
  if (typeof parsed.after === "string" && Array.isArray(parsed.seenIds)) {
    const after = parsed.after;
    return { recent: parsed.seenIds.filter((id): id is number => typeof id === "number").map((id) => [id, after] as [number, string]) };
  }
  return null;
}

/** A zone-less "2026-12-06T05:43:53" moved by some seconds, in the same form WordPress reads. */
function shiftLocal(localDate: string, seconds: number): string {
  return new Date(new Date(`${localDate}Z`).getTime() + seconds * 1_000).toISOString().slice(0, 19);
}

/**
 * What a page starts from: `after` (strict, local time), the ids to leave out, and the floor to keep.
 * A narrowed window stays narrowed (the floor, kept in the cursor until the hour passes it): the ids
 * below it are no longer left out, so a page asked from the full hour again would pull them again,
 * and on a site with 100 more comments in the hour than MAX_EXCLUDED, fill every page with them and
 * never reach the new ones. A cut that splits a second moves the floor past that second when newer
 * comments were pulled (the page is ordered by date_gmt, so that second was pulled whole before
 * them), rather than pull its left-out ids on every page.
 */
export function pullWindow(recent: Recent, floor?: string): { after: string; recent: Recent; floor?: string } | null {
  const newest = recent.reduce<string | null>((max, [, date]) => (max === null || date > max ? date : max), null);
  if (newest === null) return null;
  const hourBefore = shiftLocal(newest, -OVERLAP_SECONDS);
  let start = floor !== undefined && floor > hourBefore ? floor : hourBefore;
  const inWindow = recent.filter(([, date]) => date >= start).sort((a, b) => (a[1] === b[1] ? b[0] - a[0] : a[1] < b[1] ? 1 : -1));
  let kept = inWindow.slice(0, MAX_EXCLUDED);
  if (inWindow.length > MAX_EXCLUDED) {
    start = kept.at(-1)![1];
    if (inWindow[MAX_EXCLUDED]![1] === start && start !== newest) {
      start = shiftLocal(start, 1);
      kept = kept.filter(([, date]) => date >= start);
    }
  }
  return { after: shiftLocal(start, -1), recent: kept, ...(start > hourBefore ? { floor: start } : {}) };
}

export class WordpressPullError extends Error {}

export async function pullWordpressPage(config: WordpressConfig, cursor: string | null, fetchFn: ConnectorFetch): Promise<PullPage> {
  const stored = readCursor(cursor);
  const from = pullWindow(stored?.recent ?? [], stored?.floor);
  const query: Record<string, string | number> = { context: "edit", status: "any", orderby: "date_gmt", order: "asc", per_page: PAGE_SIZE };
  if (from) {
    query.after = from.after;
    query.exclude = from.recent.map(([id]) => id).join(",");
  }
  const answer = await callRest<Array<WordpressComment & { date: string }>>(config, fetchFn, restUrl(config, "/wp/v2/comments", query));
  if (!answer.ok) throw new WordpressPullError(`WordPress comments could not be read: ${answer.detail}`);
  const comments = answer.body;
  const posts = await loadPosts(config, fetchFn, [...new Set(comments.map((comment) => comment.post))]);
  const site = siteScope(config.siteUrl);
  const events: ParseEvent[] = [];
  const reports: NonNullable<PullPage["reports"]> = [];
  for (const post of posts.values()) events.push(articleEvent(site, post));
  comments.forEach((comment, index) => {
    events.push(commentEvent(site, comment, index));
    const found = reportsFromMeta(comment);
    // A malformed tally is the site's bug, not a reason to refuse the comment: a warning with its place.
    if ("problem" in found) events.push({ type: "warning", warning: { line: index + 1, field: REPORTS_META_KEY, message: found.problem } });
    else if (found.reports.length > 0) reports.push({ externalId: String(comment.id), reports: found.reports });
  });
  const pulledNow = comments.map((comment): [number, string] => [comment.id, comment.date]);
  const next = pullWindow([...(from?.recent ?? []), ...pulledNow], from?.floor);
  const nextCursor = next && comments.length > 0 ? JSON.stringify({ recent: next.recent, ...(next.floor ? { floor: next.floor } : {}) } satisfies WordpressCursor) : cursor;
  return {
    events,
    siteVersions: comments.map((comment) => ({ externalId: String(comment.id), siteVersion: wordpressSiteVersion(comment), siteStatus: comment.status })),
    reports,
    nextCursor,
    hasMore: comments.length === PAGE_SIZE,
  };
}

/** Posts (else pages) by id; a post the user may not read becomes an article named by its id. */
async function loadPosts(config: WordpressConfig, fetchFn: ConnectorFetch, ids: number[]): Promise<Map<number, WordpressPost>> {
  const found = new Map<number, WordpressPost>();
  for (const route of ["/wp/v2/posts", "/wp/v2/pages"]) {
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length === 0) break;
    const answer = await callRest<WordpressPost[]>(config, fetchFn, restUrl(config, route, { include: missing.join(","), per_page: PAGE_SIZE, _fields: "id,link,date_gmt,title" }));
    if (!answer.ok) {
      if (answer.retryable) throw new WordpressPullError(`WordPress posts could not be read: ${answer.detail}`);
      continue;
    }
    for (const post of answer.body) found.set(post.id, post);
  }
  for (const id of ids) if (!found.has(id)) found.set(id, { id, link: "", date_gmt: "", title: { rendered: `WordPress post ${id}` } });
  return found;
}

function gmtDate(value: string): Date | undefined {
  if (!value) return undefined;
  const date = new Date(`${value}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The same article key as a WXR export of the site gives (lib/import/parse-wxr.ts), so both merge. */
export function wordpressArticleKey(site: string, postId: number): string {
  return articleKeyFor({ externalId: `${site}/${postId}`, title: "" });
}

export function wordpressCommentKey(site: string, postId: number, commentId: number): string {
  return `id:${site}/${postId}/${commentId}`;
}

function articleEvent(site: string, post: WordpressPost): ParseEvent {
  const title = htmlToText(post.title.raw ?? post.title.rendered ?? "", { lineBreaks: "collapse" }) || `WordPress post ${post.id}`;
  const publishedAt = gmtDate(post.date_gmt);
  return {
    type: "article",
    line: 1,
    article: { key: wordpressArticleKey(site, post.id), externalId: String(post.id), title, ...(post.link ? { url: post.link } : {}), ...(publishedAt ? { publishedAt } : {}) },
  };
}

function commentEvent(site: string, comment: WordpressComment, index: number): ParseEvent {
  const line = index + 1;
  const body = htmlToText(comment.content.raw ?? comment.content.rendered ?? "", { lineBreaks: "keep" });
  const postedAt = gmtDate(comment.date_gmt);
  if (body === "") return { type: "problem", problem: { line, field: "content", message: `WordPress comment ${comment.id} has no text` } };
  if (!postedAt) return { type: "problem", problem: { line, field: "date_gmt", message: `WordPress comment ${comment.id}: date_gmt '${comment.date_gmt}' is not a date` } };
  return {
    type: "comment",
    comment: {
      articleKey: wordpressArticleKey(site, comment.post),
      source: "wordpress",
      externalId: String(comment.id),
      key: wordpressCommentKey(site, comment.post, comment.id),
      body,
      postedAt,
      index,
      line,
      statusHint: wordpressStatusHint(comment.status),
      ...(comment.parent ? { parentKey: wordpressCommentKey(site, comment.post, comment.parent) } : {}),
      ...(comment.author_name ? { authorName: comment.author_name } : {}),
      ...(comment.author ? { authorExternalId: String(comment.author) } : {}),
    },
  };
}
