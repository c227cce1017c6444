import { articleKeyFor } from "./content-hash";
import { parseTimestamp } from "./dates";
import { problemEvent, rowProblemEvents } from "./events";
import { parsedCommentFromJson } from "./json-comment";
import { JsonTopLevelSplitter, type JsonElement } from "./json-splitter";
import { readLines, type ImportInput } from "./read-lines";
import { jsonArticleHeaderSchema, jsonCommentSchemaFor } from "./schemas";
import { DEFAULT_MAX_BODY_CHARS, type ParseEvent, type ParseOptions } from "./types";
import { zodIssuesToProblems } from "./zod-problems";

function lineOfPosition(element: JsonElement, message: string): number {
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return element.line;
  const before = element.text.slice(0, Number(position));
  return element.line + (before.match(/\n/g)?.length ?? 0);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * One article's JSON text → article + comment events. A bad comment is reported on its own line and
 * skipped; the article's other comments still come out.
 */
function* elementEvents(element: JsonElement, badLines: readonly number[], options: ParseOptions, counter: { index: number }): Generator<ParseEvent> {
  let value: unknown;
  try {
    value = JSON.parse(element.text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    yield problemEvent(lineOfPosition(element, message), `the article starting on line ${element.line} is not valid JSON (${message}); it was skipped`);
    return;
  }
  if (!isRecord(value)) return;
  const { comments, ...header } = value;
  const parsedHeader = jsonArticleHeaderSchema.safeParse(header, { reportInput: true });
  if (!parsedHeader.success) {
    for (const issue of zodIssuesToProblems(parsedHeader.error)) yield problemEvent(element.line, `${issue.message}; the article and its comments were skipped`, issue.field);
    return;
  }
  const { id, url, title, body, publishedAt: publishedText } = parsedHeader.data;
  const publishedAt = publishedText === undefined ? undefined : parseTimestamp(publishedText, { allowDateOnly: true, utcOffsetMinutes: 0 });
  const key = articleKeyFor({ externalId: id, url, title, publishedAt });
  yield {
    type: "article",
    line: element.line,
    article: { key, title, ...(id ? { externalId: id } : {}), ...(url ? { url } : {}), ...(body ? { body } : {}), ...(publishedAt ? { publishedAt } : {}) },
  };
  if (comments === undefined) return;
  if (!Array.isArray(comments)) {
    yield problemEvent(element.line, "comments should be a list ([...]) of comment objects", "comments");
    return;
  }
  const schema = jsonCommentSchemaFor(options.maxBodyChars ?? DEFAULT_MAX_BODY_CHARS);
  for (const [position, raw] of comments.entries()) {
    const line = element.commentLines[position] ?? element.line;
    const nextLine = element.commentLines[position + 1] ?? Number.POSITIVE_INFINITY;
    const badLine = badLines.find((bad) => bad >= line && bad < nextLine);
    if (badLine !== undefined) {
      yield problemEvent(badLine, `comment ${position + 1} of this article contains bytes that are not valid UTF-8; it was skipped`, "body");
      continue;
    }
    const parsed = schema.safeParse(raw, { reportInput: true });
    if (!parsed.success) {
      yield* rowProblemEvents(line, zodIssuesToProblems(parsed.error).map((issue) => ({ field: issue.field, message: `comment ${position + 1}: ${issue.message}` })));
      continue;
    }
    const result = parsedCommentFromJson(parsed.data, key, counter.index, line);
    if (!result.ok) yield problemEvent(line, `comment ${position + 1}: ${result.message}`, result.field);
    else {
      counter.index++;
      yield { type: "comment", comment: result.comment };
    }
  }
}

/** Streams a .json file holding one article object or an array of articles, one article in memory at a time. */
export async function* parseJson(input: ImportInput, options: ParseOptions): AsyncGenerator<ParseEvent> {
  const splitter = new JsonTopLevelSplitter();
  const counter = { index: 0 };
  let badLines: number[] = [];
  let lastLine = 0;
  for await (const read of readLines(input)) {
    lastLine = read.number;
    const text = read.ok ? read.line : read.lossy;
    if (!read.ok && text === undefined) {
      yield problemEvent(read.number, read.message);
      continue;
    }
    if (!read.ok) badLines.push(read.number);
    for (const event of splitter.push(text ?? "", read.number)) {
      if (event.kind === "error") yield problemEvent(event.line, event.message);
      else {
        const inElement = badLines.filter((bad) => bad >= event.element.line);
        // Invalid bytes before the first comment belong to the article itself: nothing in it can be trusted.
        const firstCommentLine = event.element.commentLines[0] ?? Number.POSITIVE_INFINITY;
        const headerBad = inElement.find((bad) => bad < firstCommentLine);
        if (headerBad !== undefined) yield problemEvent(headerBad, `the article starting on line ${event.element.line} contains bytes that are not valid UTF-8 outside its comments; it was skipped`);
        else yield* elementEvents(event.element, inElement, options, counter);
        badLines = [];
      }
    }
    if (splitter.stopped) break;
  }
  for (const event of splitter.end(Math.max(1, lastLine))) if (event.kind === "error") yield problemEvent(event.line, event.message);
}
