// PostgreSQL COPY text format: one row per line, tab-separated, \N for NULL, backslash escapes.

type CopyValue = string | number | boolean | Date | null | undefined;

export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return "\\N";
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== "string") return String(value);
  let out = "";
  let start = 0;
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    // \\ \t \n \r: the only characters that would end a field or a row early.
    if (code !== 92 && code !== 9 && code !== 10 && code !== 13) continue;
    out += value.slice(start, index) + (code === 92 ? "\\\\" : code === 9 ? "\\t" : code === 10 ? "\\n" : "\\r");
    start = index + 1;
  }
  // NUL cannot be stored in Postgres text at all; parsers reject it earlier, this is the last guard.
  return (start === 0 ? value : out + value.slice(start)).replaceAll("\u0000", "");
}

export function copyRow(values: CopyValue[]): string {
  return `${values.map(copyField).join("\t")}\n`;
}
