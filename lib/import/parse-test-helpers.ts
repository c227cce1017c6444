// Shared by the parser tests: fixture streams and event collection.
import { createReadStream } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ParseEvent, ParsedArticle, ParsedComment, ParseProblem } from "./types";

export const FIXTURE_DIR = fileURLToPath(new URL("../../test/fixtures/import/", import.meta.url));

/** A fixture as a byte stream; a small chunk size makes every chunk-boundary case happen. */
export function fixture(name: string, chunkBytes = 97) {
  return createReadStream(`${FIXTURE_DIR}${name}`, { highWaterMark: chunkBytes });
}

export async function* chunksOf(data: string | Uint8Array, chunkBytes = 13): AsyncGenerator<Buffer> {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data);
  for (let start = 0; start < bytes.length; start += chunkBytes) yield bytes.subarray(start, start + chunkBytes);
}

export interface Collected {
  events: ParseEvent[];
  articles: ParsedArticle[];
  comments: ParsedComment[];
  problems: ParseProblem[];
  warnings: ParseProblem[];
}

export async function collect(events: AsyncIterable<ParseEvent>): Promise<Collected> {
  const result: Collected = { events: [], articles: [], comments: [], problems: [], warnings: [] };
  for await (const event of events) {
    result.events.push(event);
    if (event.type === "article") result.articles.push(event.article);
    else if (event.type === "comment") result.comments.push(event.comment);
    else if (event.type === "problem") result.problems.push(event.problem);
    else result.warnings.push(event.warning);
  }
  return result;
}
