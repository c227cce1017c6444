import { articleKeyFor, commentKeyFor } from "./content-hash";
import { notADateMessage, parseTimestamp } from "./dates";
import { problemEvent, quoteValue, warningEvent } from "./events";
import { htmlToText } from "./html-to-text";
import { siteScope, UNKNOWN_SCOPE } from "./source-scope";
import type { ImportInput } from "./read-lines";
import type { CommentStatusHint, ParseEvent, ParseOptions } from "./types";
import { xmlRecords, type XmlRecord, type XmlRecordSpec } from "./xml-records";

const ITEM: XmlRecordSpec = {
  path: ["rss", "channel", "item"],
  fields: ["title", "link", "wp:post_id", "wp:post_date_gmt", "wp:post_date", "content:encoded", "wp:post_type"],
};
// wp:comment_author_email and wp:comment_author_IP are deliberately not listed: never read into memory.
const COMMENT: XmlRecordSpec = {
  path: ["rss", "channel", "item", "wp:comment"],
  fields: ["wp:comment_id", "wp:comment_author", "wp:comment_date_gmt", "wp:comment_date", "wp:comment_content", "wp:comment_approved", "wp:comment_parent", "wp:comment_type", "wp:comment_user_id"],
};
// The blog's own URL: base_blog_url (a multisite network's blog), else the channel's link, else
// base_site_url (the network's, shared by its blogs). Written before the first <item>.
const SITE_FIELDS = ["wp:base_blog_url", "link", "wp:base_site_url"] as const;
const SITE_SPECS: XmlRecordSpec[] = SITE_FIELDS.map((name) => ({ path: ["rss", "channel", name], fields: [""] }));
const STATUS_HINTS: Record<string, CommentStatusHint> = { "1": "APPROVED", "0": "PENDING", spam: "HIDDEN", trash: "HIDDEN" };
// WordPress writes this for "never set" (drafts, some imported comments).
const ZERO_DATE = "0000-00-00 00:00:00";

function text(record: XmlRecord, field: string): string {
  return record.fields.get(field)?.trim() ?? "";
}

/** WordPress dates: the *_gmt field is UTC; the local one is read at the import's UTC offset. */
function wordpressDate(record: XmlRecord, gmtField: string, localField: string, utcOffsetMinutes: number): Date | undefined {
  const gmt = text(record, gmtField);
  if (gmt && gmt !== ZERO_DATE) return parseTimestamp(gmt, { utcOffsetMinutes: 0 });
  const local = text(record, localField);
  return local && local !== ZERO_DATE ? parseTimestamp(local, { utcOffsetMinutes }) : undefined;
}

interface ItemState {
  record: XmlRecord;
  articleKey?: string;
  /** The post's id in its site ("101"), or its article key when it has none: scopes comment ids. */
  postScope?: string;
}

/** Where a comment id is unique: its site and post (importers such as isso's reuse ids across posts). */
function commentKey(site: string, postScope: string, id: string): string {
  return `id:${site}/${postScope}/${id}`;
}

function* articleEvent(item: ItemState, site: string, options: ParseOptions): Generator<ParseEvent> {
  if (item.articleKey !== undefined) return;
  const { record } = item;
  if (record.badLine !== undefined) yield warningEvent(record.badLine, `the post starting on line ${record.line} has bytes that are not valid UTF-8 in its title or text; they show as �`);
  const title = text(record, "title");
  const url = text(record, "link");
  const externalId = text(record, "wp:post_id");
  const publishedAt = wordpressDate(record, "wp:post_date_gmt", "wp:post_date", options.utcOffsetMinutes ?? 0);
  const body = htmlToText(record.fields.get("content:encoded") ?? "", { lineBreaks: "keep" });
  const legacyKey = articleKeyFor({ externalId, url, title, publishedAt });
  item.articleKey = articleKeyFor({ externalId: externalId ? `${site}/${externalId}` : undefined, url, title, publishedAt });
  item.postScope = externalId || item.articleKey;
  yield {
    type: "article",
    line: record.line,
    article: {
      key: item.articleKey,
      ...(legacyKey !== item.articleKey ? { legacyKey } : {}),
      title: title || url || `WordPress post ${externalId}`,
      ...(externalId ? { externalId } : {}),
      ...(url ? { url } : {}),
      ...(body ? { body } : {}),
      ...(publishedAt ? { publishedAt } : {}),
    },
  };
}

function* commentEvent(record: XmlRecord, item: { articleKey: string; postScope: string; site: string }, index: number, options: ParseOptions): Generator<ParseEvent> {
  const { articleKey, postScope, site } = item;
  const id = text(record, "wp:comment_id");
  const label = id ? `comment ${id}` : `the comment on line ${record.line}`;
  const postedAt = wordpressDate(record, "wp:comment_date_gmt", "wp:comment_date", options.utcOffsetMinutes ?? 0);
  if (postedAt === undefined) {
    yield problemEvent(record.line, `${label}: ${notADateMessage("wp:comment_date_gmt", text(record, "wp:comment_date_gmt"), "2015-07-23 18:43:00")}`, "wp:comment_date_gmt");
    return;
  }
  const approved = text(record, "wp:comment_approved").toLowerCase();
  const statusHint = STATUS_HINTS[approved];
  if (approved !== "" && statusHint === undefined) yield warningEvent(record.line, `${label}: unknown wp:comment_approved ${quoteValue(approved)}; imported without a status`, "wp:comment_approved");
  const body = htmlToText(record.fields.get("wp:comment_content") ?? "", { lineBreaks: "keep" });
  if (body === "") {
    yield problemEvent(record.line, `${label} has no text`, "wp:comment_content");
    return;
  }
  const authorName = text(record, "wp:comment_author") || undefined;
  const userId = text(record, "wp:comment_user_id");
  const parentId = text(record, "wp:comment_parent");
  yield {
    type: "comment",
    comment: {
      articleKey,
      source: "wordpress",
      key: id ? commentKey(site, postScope, id) : commentKeyFor(undefined, { articleKey, authorName, postedAt, body }),
      ...(id ? { legacyKey: `id:${id}` } : {}),
      body,
      postedAt,
      index,
      line: record.line,
      ...(id ? { externalId: id } : {}),
      ...(parentId && parentId !== "0" ? { parentKey: commentKey(site, postScope, parentId) } : {}),
      ...(authorName ? { authorName } : {}),
      ...(userId && userId !== "0" ? { authorExternalId: userId } : {}),
      ...(statusHint ? { statusHint } : {}),
    },
  };
}

/** Streams a WordPress WXR export: each <item> is an article, its <wp:comment> children its comments. */
export async function* parseWxr(input: ImportInput, options: ParseOptions): AsyncGenerator<ParseEvent> {
  let item: ItemState | undefined;
  let index = 0;
  let pingbacks = 0;
  let sawItem = false;
  const siteUrls = new Map<string, string>();
  let site: string | undefined;
  for await (const event of xmlRecords(input, [ITEM, COMMENT, ...SITE_SPECS])) {
    if (event.kind === "root" && event.name !== "rss") {
      yield problemEvent(1, `the root element is <${event.name}>, not <rss>: this is not a WordPress export`);
      return;
    }
    if (event.kind === "problem") yield problemEvent(event.line, event.message);
    else if (event.kind === "refused") {
      yield problemEvent(event.line, event.message);
      return;
    } else if (event.kind === "unclosed") {
      // An item whose comments already came out needs no report of its own.
      if (event.record.name === "item" && item?.articleKey !== undefined) continue;
      yield problemEvent(event.record.line, `the file ends in the middle of the <${event.record.name}> that starts on line ${event.record.line} (is the file truncated?); it was skipped`);
    } else if (event.kind === "end" && SITE_FIELDS.includes(event.record.name as (typeof SITE_FIELDS)[number])) {
      const url = event.record.fields.get("")?.trim();
      if (url) siteUrls.set(event.record.name, url);
    } else if (event.kind === "start" && event.record.name === "item") {
      item = { record: event.record };
      if (site === undefined) {
        const url = SITE_FIELDS.map((name) => siteUrls.get(name)).find((value) => value !== undefined);
        site = url ? siteScope(url) : UNKNOWN_SCOPE;
        if (!url) yield warningEvent(event.record.line, "the export names no site (<wp:base_blog_url>, <link> or <wp:base_site_url> before the first <item>): its comment ids are taken as those of an unnamed site");
      }
      sawItem = true;
    } else if (event.kind === "end" && event.record.name === "wp:comment" && item) {
      const { record } = event;
      // The article's fields precede its comments in WXR, so it can be announced before the first one.
      yield* articleEvent(item, site ?? UNKNOWN_SCOPE, options);
      const type = text(record, "wp:comment_type");
      if (type === "pingback" || type === "trackback") pingbacks++;
      else if (record.badLine !== undefined) yield problemEvent(record.badLine, `the comment starting on line ${record.line} contains bytes that are not valid UTF-8; it was skipped`);
      else if (item.articleKey !== undefined && item.postScope !== undefined) {
        for (const parsed of commentEvent(record, { articleKey: item.articleKey, postScope: item.postScope, site: site ?? UNKNOWN_SCOPE }, index, options)) {
          if (parsed.type === "comment") index++;
          yield parsed;
        }
      }
    } else if (event.kind === "end" && event.record.name === "item" && item) {
      const postType = text(item.record, "wp:post_type");
      // Attachments, menu items and the like are not articles unless readers commented on them.
      if (item.articleKey === undefined && (postType === "" || postType === "post" || postType === "page")) yield* articleEvent(item, site ?? UNKNOWN_SCOPE, options);
      item = undefined;
    }
  }
  if (pingbacks > 0) yield warningEvent(1, `${pingbacks} pingback/trackback entries are not reader comments and were skipped`);
  if (!sawItem) yield problemEvent(1, "no <item> elements were found in this WordPress export");
}
