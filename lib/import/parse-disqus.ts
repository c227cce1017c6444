import { articleKeyFor, commentKeyFor } from "./content-hash";
import { notADateMessage, parseTimestamp } from "./dates";
import { problemEvent, warningEvent } from "./events";
import { htmlToText } from "./html-to-text";
import type { ImportInput } from "./read-lines";
import type { ParseEvent, ParseOptions } from "./types";
import { xmlRecords, type XmlRecord, type XmlRecordSpec } from "./xml-records";

const DSQ_ID = "dsq:id";
const THREAD: XmlRecordSpec = { path: ["disqus", "thread"], fields: ["id", "link", "title", "message", "createdAt"] };
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

function* threadEvents(record: XmlRecord, articleKeys: Map<string, string>): Generator<ParseEvent> {
  const title = text(record, "title");
  const url = text(record, "link");
  const externalId = text(record, "id");
  const disqusId = attribute(record, "");
  const publishedAt = parseTimestamp(text(record, "createdAt"));
  const body = htmlToText(record.fields.get("message") ?? "", { lineBreaks: "collapse" });
  const key = articleKeyFor({ externalId, url, title, publishedAt });
  if (disqusId) articleKeys.set(disqusId, key);
  yield {
    type: "article",
    line: record.line,
    article: {
      key,
      title: title || url || `Disqus thread ${disqusId}`,
      ...(externalId ? { externalId } : {}),
      ...(url ? { url } : {}),
      ...(body ? { body } : {}),
      ...(publishedAt ? { publishedAt } : {}),
    },
  };
}

function* postEvents(record: XmlRecord, articleKeys: ReadonlyMap<string, string>, index: number): Generator<ParseEvent> {
  const id = attribute(record, "");
  const label = id ? `post ${id}` : `the post on line ${record.line}`;
  const threadId = attribute(record, "thread");
  const articleKey = articleKeys.get(threadId);
  if (articleKey === undefined) {
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
      key: commentKeyFor(id, { articleKey, authorName, postedAt, body }),
      body,
      postedAt,
      index,
      line: record.line,
      ...(id ? { externalId: id } : {}),
      ...(parentId ? { parentKey: `id:${parentId}` } : {}),
      ...(authorName ? { authorName } : {}),
      ...(username ? { authorExternalId: username } : {}),
      ...(hidden ? { statusHint: "HIDDEN" as const } : {}),
    },
  };
}

/** Streams a Disqus XML export: <thread> elements become articles, <post> elements comments. */
export async function* parseDisqus(input: ImportInput, _options: ParseOptions): AsyncGenerator<ParseEvent> {
  // Only thread ids are remembered (one entry per article), never posts.
  const articleKeys = new Map<string, string>();
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
    if (record.name === "thread") yield* threadEvents(record, articleKeys);
    else {
      for (const parsed of postEvents(record, articleKeys, index)) {
        if (parsed.type === "comment") index++;
        yield parsed;
      }
    }
  }
  if (!sawRecord) yield problemEvent(1, "no <thread> or <post> elements were found in this Disqus export");
}
