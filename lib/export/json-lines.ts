import { EXPORT_COLUMNS, type ExportRow } from "./columns";

// JSON objects built by hand from the cursor's row arrays: the keys are fixed, so they are encoded
// once, and each value needs only JSON.stringify for text (or nothing, for ints and nulls).

const KEY_PREFIXES = EXPORT_COLUMNS.map((column, index) => `${index === 0 ? "" : ","}${JSON.stringify(column.key)}:`);

/** One row as a JSON object on one line (no trailing newline). Same keys and order as the CSV header. */
export function jsonObject(row: ExportRow): string {
  let text = "{";
  for (let index = 0; index < KEY_PREFIXES.length; index++) {
    const value = row[index];
    text += KEY_PREFIXES[index]!;
    text += value === null || value === undefined ? "null" : typeof value === "number" ? String(value) : JSON.stringify(value);
  }
  return text + "}";
}
