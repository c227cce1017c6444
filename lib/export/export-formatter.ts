import { EXPORT_COLUMNS, type ExportRow } from "./columns";
import { CSV_ROW_END, csvRecord, csvRow, UTF8_BOM } from "./csv";
import { jsonObject } from "./json-lines";

export const EXPORT_FORMATS = ["csv", "json", "jsonl"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  jsonl: "application/x-ndjson; charset=utf-8",
};

export interface ExportFormatter {
  /** What comes before the first row: the BOM and header (CSV) or "[" (JSON). */
  head(): string;
  /** One row's record, without separator or line end: a CSV line, or a JSON object on one line. */
  record(row: ExportRow): string;
  /** Records (from `record`, or written by record-template.ts) with their separators and line ends, as one string. */
  join(records: readonly string[]): string;
  /** The same bytes as `join`, as one UTF-8 Buffer: each batch is one write, and no large string is made. */
  encode(records: readonly string[]): Buffer;
  /** A batch of rows as one string: join(rows.map(record)). */
  batch(rows: readonly ExportRow[]): string;
  /** What comes after the last row. */
  tail(): string;
}

/** How a format frames its records: what goes before the first, before each other, after each. */
interface Framing {
  head: string;
  record: (row: ExportRow) => string;
  firstLead: string;
  lead: string;
  end: string;
  tail: string;
}

function framingOf(format: ExportFormat, options: { bom?: boolean }): Framing {
  switch (format) {
    case "csv":
      return { head: (options.bom ? UTF8_BOM : "") + csvRow(EXPORT_COLUMNS.map((column) => column.key)), record: csvRecord, firstLead: "", lead: "", end: CSV_ROW_END, tail: "" };
    case "jsonl":
      return { head: "", record: jsonObject, firstLead: "", lead: "", end: "\n", tail: "" };
    case "json":
      return { head: "[", record: jsonObject, firstLead: "\n", lead: ",\n", end: "", tail: "\n]\n" };
  }
}

/** Stateful (the JSON array needs to know whether a row came before): one per export. */
export function createExportFormatter(format: ExportFormat, options: { bom?: boolean } = {}): ExportFormatter {
  const framing = framingOf(format, options);
  const { lead, end } = framing;
  // Separators are ASCII: one byte per character.
  const leadBytes = Buffer.from(lead);
  const endBytes = Buffer.from(end);
  let isFirst = true;
  const join = (records: readonly string[]) => {
    if (records.length === 0) return "";
    const text = (isFirst ? framing.firstLead : lead) + records.join(end + lead) + end;
    isFirst = false;
    return text;
  };
  const encode = (records: readonly string[]) => {
    if (records.length === 0) return Buffer.alloc(0);
    const first = isFirst ? framing.firstLead : lead;
    let size = first.length - lead.length;
    for (const record of records) size += lead.length + Buffer.byteLength(record) + end.length;
    const bytes = Buffer.allocUnsafe(size);
    let offset = bytes.write(first, 0);
    for (let index = 0; index < records.length; index++) {
      if (index > 0) offset += leadBytes.copy(bytes, offset);
      offset += bytes.write(records[index]!, offset);
      offset += endBytes.copy(bytes, offset);
    }
    isFirst = false;
    return bytes;
  };
  return {
    head: () => framing.head,
    record: framing.record,
    join,
    encode,
    batch: (rows) => join(rows.map((row) => framing.record(row))),
    tail: () => framing.tail,
  };
}
