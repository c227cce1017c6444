import {
  addressedAuthor,
  bulletRest,
  cleanCommentLines,
  commentsHeadingCount,
  COMMENT_DATE_EXAMPLE,
  isBodyEnd,
  isCrossLink,
  isTrailer,
  parseCommentDate,
  parsePublishedDate,
  PUBLISHED_EXAMPLE,
  publishedValue,
} from "./article-text-lines";
import { articleKeyFor, commentKeyFor } from "./content-hash";
import { problemEvent, quoteValue, warningEvent } from "./events";
import { readLines, type ImportInput } from "./read-lines";
import type { ParseEvent, ParseOptions } from "./types";

type Phase = "title" | "body" | "comments" | "trailer";

interface PendingComment {
  line: number;
  authorName?: string;
  postedAt?: Date;
  /** False once the date line turned out missing or unreadable: the comment is reported, not emitted. */
  usable: boolean;
  textLines: string[];
}

/**
 * Parses a saved article page: title, "Published:" date, body paragraphs, then the reader comments
 * (bullet + optional author, date line, indented text). See the sample in test/fixtures/import/.
 */
export async function* parseArticleText(input: ImportInput, options: ParseOptions): AsyncGenerator<ParseEvent> {
  const offset = options.utcOffsetMinutes ?? 0;
  let phase: Phase = "title";
  let title: string | undefined;
  let titleLine = 1;
  let publishedAt: Date | undefined;
  let articleKey: string | undefined;
  let paragraphs: string[] = [];
  let paragraph: string[] = [];
  let expectedCount: { count: number; line: number } | undefined;
  let pending: PendingComment | undefined;
  let index = 0;
  // Latest comment key per author (lower-cased), for "@Name" replies.
  const latestByAuthor = new Map<string, string>();
  let authorsLongestFirst: string[] = [];

  function* emitArticle(): Generator<ParseEvent> {
    if (articleKey !== undefined || title === undefined) return;
    if (paragraph.length > 0) paragraphs.push(paragraph.join("\n"));
    articleKey = articleKeyFor({ title, publishedAt });
    const body = paragraphs.join("\n\n");
    paragraphs = [];
    paragraph = [];
    yield { type: "article", line: titleLine, article: { key: articleKey, title, ...(body ? { body } : {}), ...(publishedAt ? { publishedAt } : {}) } };
  }

  function* finishComment(): Generator<ParseEvent> {
    const comment = pending;
    pending = undefined;
    if (comment === undefined || !comment.usable || articleKey === undefined) return;
    if (comment.postedAt === undefined) {
      yield problemEvent(comment.line, `the comment starting on line ${comment.line} has no date line (expected like '${COMMENT_DATE_EXAMPLE}')`, "postedAt");
      return;
    }
    const body = cleanCommentLines(comment.textLines);
    if (body === "") {
      yield problemEvent(comment.line, `the comment starting on line ${comment.line} has no text`, "body");
      return;
    }
    const { authorName, postedAt } = comment;
    const key = commentKeyFor(undefined, { articleKey, authorName, postedAt, body });
    const addressed = addressedAuthor(body, authorsLongestFirst);
    const parentKey = addressed === undefined ? undefined : latestByAuthor.get(addressed.toLowerCase());
    yield {
      type: "comment",
      comment: { articleKey, source: "article", key, body, postedAt, index: index++, line: comment.line, ...(authorName ? { authorName } : {}), ...(parentKey ? { parentKey } : {}) },
    };
    if (authorName !== undefined) {
      if (!latestByAuthor.has(authorName.toLowerCase())) {
        authorsLongestFirst = [...authorsLongestFirst, authorName].sort((a, b) => b.length - a.length);
      }
      latestByAuthor.set(authorName.toLowerCase(), key);
    }
  }

  function* onCommentLine(text: string, number: number): Generator<ParseEvent> {
    const rest = bulletRest(text);
    if (rest !== undefined) {
      yield* finishComment();
      const date = rest === "" ? undefined : parseCommentDate(rest, offset);
      pending = { line: number, usable: true, textLines: [], ...(date ? { postedAt: date } : rest ? { authorName: rest } : {}) };
      return;
    }
    if (pending === undefined) return;
    if (pending.postedAt === undefined && pending.usable) {
      if (text.trim() === "") return;
      const date = parseCommentDate(text, offset);
      if (date !== undefined) pending.postedAt = date;
      else {
        pending.usable = false;
        yield problemEvent(number, `comment date ${quoteValue(text.trim())} is not a date (expected like '${COMMENT_DATE_EXAMPLE}'); the comment was skipped`, "postedAt");
      }
      return;
    }
    if (pending.usable) pending.textLines.push(text);
  }

  for await (const read of readLines(input)) {
    if (!read.ok) {
      yield problemEvent(read.number, read.message);
      if (pending) pending.usable = false;
      continue;
    }
    const { line: text, number } = read;
    if (phase === "trailer") continue;
    if (phase === "title") {
      if (text.trim() === "") continue;
      if (publishedValue(text) !== undefined || bulletRest(text) !== undefined || isBodyEnd(text)) {
        yield problemEvent(number, `the file does not start with the article title (line ${number} is ${quoteValue(text.trim())})`, "title");
        return;
      }
      title = text.trim();
      titleLine = number;
      phase = "body";
      continue;
    }
    if (phase === "body") {
      const published = publishedAt === undefined && paragraphs.length === 0 && paragraph.length === 0 ? publishedValue(text) : undefined;
      if (published !== undefined) {
        publishedAt = parsePublishedDate(published, offset);
        if (publishedAt === undefined) yield problemEvent(number, `publication date ${quoteValue(published)} is not a date (expected like '${PUBLISHED_EXAMPLE}')`, "publishedAt");
      } else if (isBodyEnd(text)) {
        yield* emitArticle();
        phase = "comments";
      } else if (text.trim() === "") {
        if (paragraph.length > 0) paragraphs.push(paragraph.join("\n"));
        paragraph = [];
      } else if (!isCrossLink(text)) paragraph.push(text.trim());
      if (phase === "body") continue;
    }
    if (phase === "comments") {
      const heading = commentsHeadingCount(text);
      if (heading !== undefined) expectedCount = { count: heading, line: number };
      else if (isTrailer(text)) {
        yield* finishComment();
        phase = "trailer";
      } else yield* onCommentLine(text, number);
    }
  }
  if (title === undefined) {
    yield problemEvent(1, "the file is empty: expected an article title on the first line", "title");
    return;
  }
  yield* emitArticle();
  yield* finishComment();
  if (expectedCount !== undefined && expectedCount.count !== index) {
    yield warningEvent(expectedCount.line, `the page says 'Reader Comments (${expectedCount.count})' but ${index} comments were read`);
  }
}
