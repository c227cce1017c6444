import { checkJsonShape, shapeLimitPassed } from "@/lib/http/json-shape";
import { articleKeyFor } from "./content-hash";
import { problemEvent, quoteValue, rowProblemEvents } from "./events";
import { parsedCommentFromJson } from "./json-comment";
import { readLines, type ImportInput } from "./read-lines";
import { jsonlCommentSchemaFor } from "./schemas";
import { DEFAULT_MAX_BODY_CHARS, type ParseEvent, type ParseOptions } from "./types";
import { zodIssuesToProblems } from "./zod-problems";
import { fastJsonlComment } from "./fast-jsonl-comment";

/**
 * Below this a line holds at most some 13,000 fields, which JSON.parse and zod read in milliseconds;
 * a longer line is measured first (lib/http/json-shape.ts): one of 600,000 fields held the event loop
 * of the web server, which parses uploads, for seconds. Comment lines are far shorter, so they skip it.
 */
const SHAPE_CHECK_MIN_CHARS = 64 * 1024;

/**
 * One comment per line, each naming its article. Each article is announced (article event) the first
 * time a comment refers to it; only the set of seen article keys is kept in memory.
 */
export async function* parseJsonl(input: ImportInput, options: ParseOptions): AsyncGenerator<ParseEvent> {
  const maxBodyChars = options.maxBodyChars ?? DEFAULT_MAX_BODY_CHARS;
  const schema = jsonlCommentSchemaFor(maxBodyChars);
  const seenArticles = new Set<string>();
  let index = 0;
  for await (const read of readLines(input)) {
    if (!read.ok) {
      yield problemEvent(read.number, `${read.message}; the comment on it was skipped`);
      continue;
    }
    const { line: text, number } = read;
    if (text.trim() === "") continue;
    const shape = text.length > SHAPE_CHECK_MIN_CHARS ? checkJsonShape(Buffer.from(text, "utf8")) : null;
    if (shape && !shape.ok) {
      yield problemEvent(number, `line ${number} ${shapeLimitPassed(shape.limit)}, more than a comment has; it was skipped`);
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      yield problemEvent(number, `line ${number} is not valid JSON (${reason}): ${quoteValue(text, 40)}`);
      continue;
    }
    // Most lines are valid: checked by hand; zod reads the others and says what is wrong.
    let valid = fastJsonlComment(value, maxBodyChars);
    if (valid === null) {
      const parsed = schema.safeParse(value, { reportInput: true });
      if (!parsed.success) {
        yield* rowProblemEvents(number, zodIssuesToProblems(parsed.error));
        continue;
      }
      valid = parsed.data;
    }
    // parsedCommentFromJson reads the comment's own fields only: no copy without `article`.
    const ref = valid.article;
    const articleKey = articleKeyFor({ externalId: ref.id, url: ref.url, title: ref.title ?? "" });
    const result = parsedCommentFromJson(valid, articleKey, index, number);
    if (!result.ok) {
      yield problemEvent(number, result.message, result.field);
      continue;
    }
    if (!seenArticles.has(articleKey)) {
      seenArticles.add(articleKey);
      // Title is optional when the article is referenced by id or url: it then already exists or is named by them.
      const title = ref.title ?? ref.url ?? `Article ${ref.id ?? ""}`;
      yield { type: "article", line: number, article: { key: articleKey, title, ...(ref.id ? { externalId: ref.id } : {}), ...(ref.url ? { url: ref.url } : {}) } };
    }
    index++;
    yield { type: "comment", comment: result.comment };
  }
}
