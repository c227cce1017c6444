import { EXPORT_COLUMNS, type ExportRow } from "./columns";
import { csvRow, UTF8_BOM } from "./csv";
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
  /** A batch of rows as one string, so each batch is one write. */
  batch(rows: readonly ExportRow[]): string;
  /** What comes after the last row. */
  tail(): string;
}

/** Stateful (the JSON array needs to know whether a row came before): one per export. */
export function createExportFormatter(format: ExportFormat, options: { bom?: boolean } = {}): ExportFormatter {
  switch (format) {
    case "csv":
      return {
        head: () => (options.bom ? UTF8_BOM : "") + csvRow(EXPORT_COLUMNS.map((column) => column.key)),
        batch: (rows) => {
          let text = "";
          for (const row of rows) text += csvRow(row);
          return text;
        },
        tail: () => "",
      };
    case "jsonl":
      return {
        head: () => "",
        batch: (rows) => {
          let text = "";
          for (const row of rows) text += jsonObject(row) + "\n";
          return text;
        },
        tail: () => "",
      };
    case "json": {
      let isFirst = true;
      return {
        head: () => "[",
        batch: (rows) => {
          let text = "";
          for (const row of rows) {
            text += (isFirst ? "\n" : ",\n") + jsonObject(row);
            isFirst = false;
          }
          return text;
        },
        tail: () => "\n]\n",
      };
    }
  }
}
