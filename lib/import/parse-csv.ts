import { CsvError, parse } from "csv-parse/sync";
import { CSV_COLUMNS, csvRowToComment, type CsvColumn } from "./csv-row";
import { CsvRecordSplitter, type CsvRecordText } from "./csv-record-splitter";
import { problemEvent, rowProblemEvents, warningEvent } from "./events";
import { readLines, type ImportInput } from "./read-lines";
import type { ParseEvent, ParseOptions } from "./types";

const KNOWN_COLUMNS: ReadonlySet<string> = new Set(CSV_COLUMNS);

function csvErrorMessage(error: unknown): string {
  if (!(error instanceof CsvError)) return error instanceof Error ? error.message : String(error);
  switch (error.code) {
    case "CSV_INVALID_CLOSING_QUOTE":
      return 'a quoted value is followed by more text before the next comma (broken quote: inside quotes, write a quote as "")';
    case "INVALID_OPENING_QUOTE":
      return 'a quote (") appears in the middle of a value: wrap the whole value in quotes and double the quotes inside it';
    default:
      return error.message;
  }
}

type Decoded = { ok: true; values: string[] } | { ok: false; line: number; message: string };

/**
 * RFC 4180 values of a well-formed row, or undefined when a quote is misplaced. Well-formed rows are split
 * here because csv-parse costs ~35µs a row and ~0.5 s per MB of a field; it still judges the malformed
 * rows, for its precise error messages.
 */
function splitWellFormed(text: string): string[] | undefined {
  const values: string[] = [];
  let position = 0;
  for (;;) {
    if (text.charAt(position) === '"') {
      let value = "";
      let cursor = position + 1;
      for (;;) {
        const quote = text.indexOf('"', cursor);
        if (quote === -1) return undefined;
        value += text.slice(cursor, quote);
        if (text.charAt(quote + 1) === '"') {
          value += '"';
          cursor = quote + 2;
          continue;
        }
        position = quote + 1;
        break;
      }
      values.push(value);
      if (position === text.length) return values;
      if (text.charAt(position) !== ",") return undefined;
      position++;
    } else {
      const comma = text.indexOf(",", position);
      const value = text.slice(position, comma === -1 ? undefined : comma);
      if (value.includes('"')) return undefined;
      values.push(value);
      if (comma === -1) return values;
      position = comma + 1;
    }
  }
}

function decodeRecord(record: CsvRecordText): Decoded {
  const values = splitWellFormed(record.text);
  if (values !== undefined) return { ok: true, values };
  try {
    const rows = parse(record.text, { relax_column_count: true, skip_empty_lines: true });
    return { ok: true, values: rows[0] ?? [] };
  } catch (error) {
    const relativeLine = error instanceof CsvError && typeof error.lines === "number" ? error.lines : 1;
    return { ok: false, line: record.line + relativeLine - 1, message: `${csvErrorMessage(error)}; the row was skipped` };
  }
}

/**
 * Streams a CSV export with a header row (columns: see CSV_COLUMNS). Each bad row is reported with its
 * line and skipped; the rows around it still come out.
 */
export async function* parseCsv(input: ImportInput, options: ParseOptions): AsyncGenerator<ParseEvent> {
  const splitter = new CsvRecordSplitter();
  const seenArticles = new Set<string>();
  let columns: Map<CsvColumn, number> | undefined;
  let width = 0;
  let index = 0;
  let headerRefused = false;

  function* onRecord(record: CsvRecordText): Generator<ParseEvent> {
    if (record.badLines.length > 0) {
      yield problemEvent(record.badLines[0] ?? record.line, `line ${record.badLines[0] ?? record.line} contains bytes that are not valid UTF-8; the row was skipped`);
      return;
    }
    const decoded = decodeRecord(record);
    if (!decoded.ok) {
      yield problemEvent(decoded.line, decoded.message);
      return;
    }
    if (columns === undefined) {
      yield* onHeader(decoded.values, record.line);
      return;
    }
    if (decoded.values.length !== width) {
      yield problemEvent(record.line, `the row has ${decoded.values.length} values but the header has ${width} columns (a missing or extra comma?); the row was skipped`);
      return;
    }
    const positions = columns;
    const result = csvRowToComment((column) => {
      const position = positions.get(column);
      return position === undefined ? "" : (decoded.values[position] ?? "");
    }, { line: record.line, index, utcOffsetMinutes: options.utcOffsetMinutes ?? 0 });
    if (!result.ok) {
      yield* rowProblemEvents(record.line, result.problems);
      return;
    }
    if (!seenArticles.has(result.article.key)) {
      seenArticles.add(result.article.key);
      yield { type: "article", line: record.line, article: result.article };
    }
    index++;
    yield { type: "comment", comment: result.comment };
  }

  function* onHeader(names: string[], line: number): Generator<ParseEvent> {
    const normalized = names.map((name) => name.trim().toLowerCase());
    const found = new Map<CsvColumn, number>();
    normalized.forEach((name, position) => {
      if (KNOWN_COLUMNS.has(name) && !found.has(name as CsvColumn)) found.set(name as CsvColumn, position);
    });
    const missing: string[] = (["body", "posted_at"] as const).filter((column) => !found.has(column));
    if (!found.has("article_id") && !found.has("article_url") && !found.has("article_title")) missing.push("article_id, article_url or article_title");
    if (missing.length > 0) {
      headerRefused = true;
      yield problemEvent(line, `the header row (line ${line}) lacks required column(s): ${missing.join("; ")}. Expected columns: ${CSV_COLUMNS.join(", ")}`);
      return;
    }
    const unknown = normalized.filter((name) => !KNOWN_COLUMNS.has(name));
    if (unknown.length > 0) yield warningEvent(line, `unknown column(s) ignored: ${unknown.map((name) => `'${name}'`).join(", ")}. Known columns: ${CSV_COLUMNS.join(", ")}`);
    columns = found;
    width = names.length;
  }

  for await (const read of readLines(input)) {
    if (!read.ok && read.lossy === undefined) {
      yield problemEvent(read.number, read.message);
      continue;
    }
    for (const event of splitter.push(read.ok ? read.line : (read.lossy ?? ""), read.number, !read.ok)) {
      if (event.kind === "error") yield problemEvent(event.line, event.message);
      else yield* onRecord(event.record);
      if (headerRefused) return;
    }
  }
  for (const event of splitter.end()) {
    if (event.kind === "error") yield problemEvent(event.line, event.message);
    else yield* onRecord(event.record);
    if (headerRefused) return;
  }
  if (columns === undefined && !headerRefused) yield problemEvent(1, `the file is empty: expected a header row with the columns ${CSV_COLUMNS.join(", ")}`);
}
