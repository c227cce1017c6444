import { createHash } from "node:crypto";
import { articleKeyFor } from "@/lib/import/content-hash";
import { notADateMessage, parseTimestamp } from "@/lib/import/dates";
import { htmlToText } from "@/lib/import/html-to-text";
import type { CommentStatusHint, ParseEvent, ParsedArticle } from "@/lib/import/types";
import type { ReaderReportInput } from "@/lib/reports/schemas";
import type { DisqusPost, DisqusThread } from "./api-shapes";

// A Disqus post as Moddesk's import events, keyed exactly as the Disqus XML export's parser keys
// them (lib/import/parse-disqus.ts: article `id:<forum>/<thread identifier>`, comment
// `disqus:id:<forum>/<post id>`), so a forum first loaded from an export and then synced through
// the API is one set of comments, not two.

export type DisqusSiteStatus = "approved" | "unapproved" | "spam" | "deleted";

export function siteStatusOf(post: Pick<DisqusPost, "isDeleted" | "isSpam" | "isApproved">): DisqusSiteStatus {
  if (post.isDeleted) return "deleted";
  if (post.isSpam) return "spam";
  return post.isApproved ? "approved" : "unapproved";
}

const HINT_OF_STATUS: Record<DisqusSiteStatus, CommentStatusHint> = { approved: "APPROVED", unapproved: "PENDING", spam: "HIDDEN", deleted: "HIDDEN" };

export function statusHintOf(siteStatus: string): CommentStatusHint {
  return HINT_OF_STATUS[siteStatus as DisqusSiteStatus] ?? "PENDING";
}

/**
 * Disqus has no "modified at": the version is the status plus a digest of the text, so a push can
 * tell whether the post changed on Disqus (status or edit) since Moddesk read it.
 */
export function siteVersionOf(post: Pick<DisqusPost, "isDeleted" | "isSpam" | "isApproved" | "message">): string {
  return `${siteStatusOf(post)}:${createHash("sha256").update(post.message, "utf8").digest("hex").slice(0, 16)}`;
}

/** Readers' flags as Moddesk reader reports: Disqus gives a per-post tally without reasons. */
export function reportsOf(post: Pick<DisqusPost, "numReports" | "isFlagged">): ReaderReportInput[] {
  const count = post.numReports > 0 ? post.numReports : post.isFlagged ? 1 : 0;
  return count > 0 ? [{ reason: "other", count, note: "flagged by readers on Disqus" }] : [];
}

export function threadArticle(thread: DisqusThread, forum: string): ParsedArticle {
  const identifier = thread.identifiers[0];
  const url = thread.link ?? undefined;
  const title = thread.title || url || `Disqus thread ${thread.id}`;
  const publishedAt = thread.createdAt ? parseTimestamp(thread.createdAt, { utcOffsetMinutes: 0 }) : undefined;
  return {
    key: articleKeyFor({ externalId: identifier ? `${forum}/${identifier}` : undefined, url, title, publishedAt }),
    title,
    ...(identifier ? { externalId: identifier } : {}),
    ...(url ? { url } : {}),
    ...(publishedAt ? { publishedAt } : {}),
  };
}

export interface MappedPost {
  events: ParseEvent[];
  reports: ReaderReportInput[];
}

/**
 * One post: its article (the first time its thread is seen in this page) and the comment, or a
 * problem saying why it was skipped. `reviewApproved` keeps posts already live on Disqus pending
 * for the desk (post-moderated forums); posts readers flagged are pending either way.
 */
export function mapPost(post: DisqusPost, options: { forum: string; index: number; seenThreads: Map<string, string>; reviewApproved: boolean }): MappedPost {
  const line = options.index + 1;
  const label = `Disqus post ${post.id}`;
  if (typeof post.thread === "string") return { events: [{ type: "problem", problem: { line, field: "thread", message: `${label}: its thread came as an id, not an object (the request needs related=thread); skipped` } }], reports: [] };
  const events: ParseEvent[] = [];
  let articleKey = options.seenThreads.get(post.thread.id);
  if (articleKey === undefined) {
    const article = threadArticle(post.thread, options.forum);
    articleKey = article.key;
    options.seenThreads.set(post.thread.id, articleKey);
    events.push({ type: "article", line, article });
  }
  const postedAt = parseTimestamp(post.createdAt, { utcOffsetMinutes: 0 });
  if (postedAt === undefined) return { events: [...events, { type: "problem", problem: { line, field: "createdAt", message: `${label}: ${notADateMessage("createdAt", post.createdAt)}` } }], reports: [] };
  const siteStatus = siteStatusOf(post);
  const body = htmlToText(post.message, { lineBreaks: "collapse" });
  if (body === "") {
    // Disqus blanks the text of deleted posts: nothing to moderate.
    const kind = siteStatus === "deleted" ? "warning" : "problem";
    const message = siteStatus === "deleted" ? `${label} was deleted on Disqus and has no text left; skipped` : `${label} has no text`;
    return { events: [...events, kind === "warning" ? { type: "warning", warning: { line, field: "message", message } } : { type: "problem", problem: { line, field: "message", message } }], reports: [] };
  }
  const reports = reportsOf(post);
  let statusHint = statusHintOf(siteStatus);
  if (statusHint === "APPROVED" && (reports.length > 0 || options.reviewApproved)) statusHint = "PENDING";
  const author = post.author;
  const authorName = author?.name || undefined;
  const username = author && !author.isAnonymous ? author.username || undefined : undefined;
  const parent = post.parent === null || post.parent === undefined || post.parent === "" ? undefined : String(post.parent);
  events.push({
    type: "comment",
    comment: {
      articleKey,
      source: "disqus",
      key: `id:${options.forum}/${post.id}`,
      externalId: post.id,
      body,
      postedAt,
      index: options.index,
      line,
      ...(parent ? { parentKey: `id:${options.forum}/${parent}` } : {}),
      ...(authorName ? { authorName } : {}),
      ...(username ? { authorExternalId: username } : {}),
      statusHint,
    },
  });
  return { events, reports };
}
