import { problemEvent } from "./events";
import { parseArticleText } from "./parse-article-text";
import { parseCsv } from "./parse-csv";
import { parseDisqus } from "./parse-disqus";
import { parseJson } from "./parse-json";
import { parseJsonl } from "./parse-jsonl";
import { parseWxr } from "./parse-wxr";
import type { ImportInput } from "./read-lines";
import { DEFAULT_MAX_BODY_CHARS, type ImportFormat, type ParseEvent, type ParseOptions } from "./types";

type Parser = (input: ImportInput, options: ParseOptions) => AsyncGenerator<ParseEvent>;

const PARSERS: Record<ImportFormat, Parser> = {
  article: parseArticleText,
  json: parseJson,
  jsonl: parseJsonl,
  csv: parseCsv,
  disqus: parseDisqus,
  wxr: parseWxr,
};

function formatCount(value: number): string {
  return value.toLocaleString("en-US");
}

/**
 * The one entry point for file imports: bytes in, ParseEvents out, one at a time. Rules that hold for
 * every format live here (body size limit), and nothing escapes as an exception: a read error or a
 * parser bug ends the sequence with a problem, so the caller can always report what it got.
 */
export async function* parseImport(format: ImportFormat, input: ImportInput, options: ParseOptions): AsyncGenerator<ParseEvent> {
  const maxBodyChars = options.maxBodyChars ?? DEFAULT_MAX_BODY_CHARS;
  let lastLine = 1;
  try {
    for await (const event of PARSERS[format](input, options)) {
      if (event.type === "comment") {
        const { comment } = event;
        lastLine = comment.line;
        if (comment.body.length > maxBodyChars) {
          yield problemEvent(comment.line, `the comment on line ${comment.line} is ${formatCount(comment.body.length)} characters long; the limit is ${formatCount(maxBodyChars)}. It was skipped`, "body");
          continue;
        }
      } else if (event.type === "article") lastLine = event.line;
      else lastLine = event.type === "problem" ? event.problem.line : event.warning.line;
      yield event;
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    yield problemEvent(lastLine, `reading ${options.fileName} stopped after line ${lastLine}: ${reason}`);
  }
}
