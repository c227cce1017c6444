// Recognisers for the lines of a saved article page (see parse-article-text.ts).
import { wallClockToDate } from "./dates";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function monthNumber(name: string): number | undefined {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return index === -1 ? undefined : index + 1;
}

export const COMMENT_DATE_EXAMPLE = "Jul 23, 2015 - 6:43PM";
export const PUBLISHED_EXAMPLE = "Published: July 23, 2015";

const COMMENT_DATE = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),\s*(\d{4})\s*-\s*(\d{1,2}):(\d{2})\s*([AP]M)$/i;
const PUBLISHED = /^Published:\s*(.*)$/i;
const LONG_DATE = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),\s*(\d{4})$/;
// A bullet sits at the comment list's indent (2 spaces); comment text is indented by 4, so a "•" typed
// at the start of a comment line is not mistaken for a new comment.
const BULLET = /^ {0,3}\u2022[ \t\u00a0]*(.*)$/;
const COMMENTS_HEADING = /^Reader Comments \((\d+)\)\s*$/;
const TRAILER = /^More in \S/;
const RECOMMEND_SUFFIX = /\s*Recommend\s*$/;
const COMMENT_INDENT = "    ";

/** "Jul 23, 2015 - 6:43PM" as wall-clock time at the given offset from UTC. */
export function parseCommentDate(text: string, utcOffsetMinutes: number): Date | undefined {
  const match = COMMENT_DATE.exec(text.trim());
  if (!match) return undefined;
  const [, monthName = "", day, year, hour12, minute, meridiem = ""] = match;
  const month = monthNumber(monthName);
  const hour = Number(hour12);
  if (month === undefined || hour < 1 || hour > 12) return undefined;
  const hour24 = (hour % 12) + (meridiem.toUpperCase() === "PM" ? 12 : 0);
  return wallClockToDate(Number(year), month, Number(day), hour24, Number(minute), 0, utcOffsetMinutes);
}

/** The value of a "Published: ..." line, or undefined when the line is something else. */
export function publishedValue(line: string): string | undefined {
  return PUBLISHED.exec(line.trim())?.[1]?.trim();
}

export function parsePublishedDate(value: string, utcOffsetMinutes: number): Date | undefined {
  const match = LONG_DATE.exec(value);
  if (!match) return undefined;
  const [, monthName = "", day, year] = match;
  const month = monthNumber(monthName);
  if (month === undefined) return undefined;
  return wallClockToDate(Number(year), month, Number(day), 0, 0, 0, utcOffsetMinutes);
}

/** Text after the bullet (author, a date, or nothing), or undefined when the line is not a bullet. */
export function bulletRest(line: string): string | undefined {
  return BULLET.exec(line)?.[1]?.trim();
}

export function commentsHeadingCount(line: string): number | undefined {
  const count = COMMENTS_HEADING.exec(line.trim())?.[1];
  return count === undefined ? undefined : Number(count);
}

export function isBodyEnd(line: string): boolean {
  return line.trim() === "Facebook Conversations" || commentsHeadingCount(line) !== undefined;
}

export function isTrailer(line: string): boolean {
  return TRAILER.test(line);
}

/** Cross-links to other stories are page furniture, not article text. */
export function isCrossLink(line: string): boolean {
  return /^Read:\s/.test(line.trim());
}

/**
 * A comment's text as the reader typed it: the list indent removed, surrounding blank lines dropped,
 * and the "Recommend" button label (glued to the last word by the page scrape) cut off.
 */
export function cleanCommentLines(lines: readonly string[]): string {
  const unindented = lines.map((line) => (line.startsWith(COMMENT_INDENT) ? line.slice(COMMENT_INDENT.length) : line.trimStart()));
  let text = unindented.join("\n").replace(/^(?:[ \t]*\n)+/, "");
  text = text.replace(RECOMMEND_SUFFIX, "");
  return text.replace(/\s+$/, "");
}

/**
 * The earlier author a comment addresses ("@Name:", "@ Name,", "@Name"), picking the longest matching
 * name so "@Ali S" is not read as a reply to "Ali".
 */
export function addressedAuthor(body: string, authorsLongestFirst: readonly string[]): string | undefined {
  const match = /^@[ \t]?/.exec(body);
  if (!match) return undefined;
  const rest = body.slice(match[0].length).toLowerCase();
  return authorsLongestFirst.find((author) => {
    const name = author.toLowerCase();
    if (!rest.startsWith(name)) return false;
    const next = rest.charAt(name.length);
    return next === "" || !/[\p{L}\p{N}_]/u.test(next);
  });
}
