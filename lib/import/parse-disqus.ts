import { articleKeyFor, commentKeyFor } from "./content-hash";
import { notADateMessage, parseTimestamp } from "./dates";
import { problemEvent, warningEvent } from "./events";
import { htmlToText } from "./html-to-text";
import { UNKNOWN_SCOPE } from "./source-scope";
import type { ImportInput } from "./read-lines";
import type { ParseEvent, ParseOptions } from "./types";
import { xmlRecords, type XmlRecord, type XmlRecordSpec } from "./xml-records";

const DSQ_ID = "dsq:id";
const THREAD: XmlRecordSpec = { path: ["disqus", "thread"], fields: ["id", "forum", "link", "title", "message", "createdAt"] };
// author/email and ipAddress are deliberately not listed: they are never read into memory.
const POST: XmlRecordSpec = {
  path: ["disqus", "post"],
  fields: ["message", "createdAt", "isDeleted", "isSpam", "author/name", "author/username"],
  attributesOf: ["thread", "parent"],
};

function text(record: XmlRecord, field: string): string {
  return record.fields.get(field)?.trim() ?? "";
}

function attribute(record: XmlRecord, path: string): string {
  return record.attributes.get(path)?.[DSQ_ID]?.trim() ?? "";
}

interface ThreadScope {
  articleKey: string;
  /** The Disqus forum (site) the thread belongs to: post ids are keyed within it. */
  forum: string;
}

function* threadEvents(record: XmlRecord, threads: Map<string, ThreadScope>): Generator<ParseEvent> {
  const title = text(record, "title");
  const url = text(record, "link");
  const externalId = text(record, "id");
  const forum = text(record, "forum") || UNKNOWN_SCOPE;
  const disqusId = attribute(record, "");
  const publishedAt = parseTimestamp(text(record, "createdAt"));
  const body = htmlToText(record.fields.get("message") ?? "", { lineBreaks: "collapse" });
  // The thread's <id> is the site's own identifier: unique within the forum only.
  const key = articleKeyFor({ externalId: externalId ? `${forum}/${externalId}` : undefined, url, title, publishedAt });
  const legacyKey = articleKeyFor({ externalId, url, title, publishedAt });
  if (disqusId) threads.set(disqusId, { articleKey: key, forum });
  yield {
    type: "article",
    line: record.line,
    article: {
      key,
      ...(legacyKey !== key ? { legacyKey } : {}),
      title: title || url || `Disqus thread ${disqusId}`,
      ...(externalId ? { externalId } : {}),
      ...(url ? { url } : {}),
      ...(body ? { body } : {}),
      ...(publishedAt ? { publishedAt } : {}),
    },
  };
}

function* postEvents(record: XmlRecord, threads: ReadonlyMap<string, ThreadScope>, index: number): Generator<ParseEvent> {
  const id = attribute(record, "");
  const label = id ? `post ${id}` : `the post on line ${record.line}`;
  const threadId = attribute(record, "thread");
  const thread = threads.get(threadId);
  if (thread === undefined) {
    const reason = threadId ? `refers to thread ${threadId}, which is not earlier in the file` : "names no thread";
    yield problemEvent(record.line, `${label} ${reason}; it was skipped`, "thread");
    return;
  }
  const createdText = text(record, "createdAt");
  const postedAt = parseTimestamp(createdText);
  if (postedAt === undefined) {
    yield problemEvent(record.line, `${label}: ${notADateMessage("createdAt", createdText)}`, "createdAt");
    return;
  }
  const { articleKey, forum } = thread;
  const hidden = text(record, "isDeleted") === "true" || text(record, "isSpam") === "true";
  const body = htmlToText(record.fields.get("message") ?? "", { lineBreaks: "collapse" });
  if (body === "") {
    // Disqus blanks the text of deleted posts; there is nothing to moderate.
    if (hidden) yield warningEvent(record.line, `${label} was deleted on Disqus and has no text left; skipped`, "message");
    else yield problemEvent(record.line, `${label} has no text`, "message");
    return;
  }
  const authorName = text(record, "author/name") || undefined;
  const username = text(record, "author/username");
  const parentId = attribute(record, "parent");
  yield {
    type: "comment",
    comment: {
      articleKey,
      source: "disqus",
      key: id ? `id:${forum}/${id}` : commentKeyFor(undefined, { articleKey, authorName, postedAt, body }),
      ...(id ? { legacyKey: `id:${id}` } : {}),
      body,
      postedAt,
      index,
      line: record.line,
      ...(id ? { externalId: id } : {}),
      ...(parentId ? { parentKey: `id:${forum}/${parentId}` } : {}),
      ...(authorName ? { authorName } : {}),
      ...(username ? { authorExternalId: username } : {}),
      ...(hidden ? { statusHint: "HIDDEN" as const } : {}),
    },
  };
}

/** Streams a Disqus XML export: <thread> elements become articles, <post> elements comments. */
export async function* parseDisqus(input: ImportInput, _options: ParseOptions): AsyncGenerator<ParseEvent> {
  // Only thread ids are remembered (one entry per article), never posts.
  const threads = new Map<string, ThreadScope>();
  let index = 0;
  let sawRecord = false;
  for await (const event of xmlRecords(input, [THREAD, POST])) {
    if (event.kind === "root" && event.name !== "disqus") {
      yield problemEvent(1, `the root element is <${event.name}>, not <disqus>: this is not a Disqus export`);
      return;
    }
    if (event.kind === "problem") yield problemEvent(event.line, event.message);
    if (event.kind === "refused") {
      yield problemEvent(event.line, event.message);
      return;
    }
    if (event.kind === "unclosed") yield problemEvent(event.record.line, `the file ends in the middle of the <${event.record.name}> that starts on line ${event.record.line} (is the file truncated?); it was skipped`);
    if (event.kind !== "end") continue;
    sawRecord = true;
    const { record } = event;
    if (record.badLine !== undefined) {
      yield problemEvent(record.badLine, `the <${record.name}> starting on line ${record.line} contains bytes that are not valid UTF-8; it was skipped`);
      continue;
    }
    if (record.name === "thread") yield* threadEvents(record, threads);
    else {
      for (const parsed of postEvents(record, threads, index)) {
        if (parsed.type === "comment") index++;
        yield parsed;
      }
    }
  }
  if (!sawRecord) yield problemEvent(1, "no <thread> or <post> elements were found in this Disqus export");
}
