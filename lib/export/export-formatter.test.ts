import { describe, expect, it } from "vitest";
import { EXPORT_COLUMNS, type ExportRow } from "./columns";
import { createExportFormatter } from "./export-formatter";
import { jsonObject } from "./json-lines";

function sampleRow(overrides: Partial<Record<(typeof EXPORT_COLUMNS)[number]["key"], string | number | null>> = {}): ExportRow {
  return EXPORT_COLUMNS.map((column) => (column.key in overrides ? overrides[column.key]! : column.kind === "int" ? 7 : `${column.key} value`));
}

function render(format: "csv" | "json" | "jsonl", batches: ExportRow[][], bom = false): string {
  const formatter = createExportFormatter(format, { bom });
  return formatter.head() + batches.map((batch) => formatter.batch(batch)).join("") + formatter.tail();
}

describe("jsonObject", () => {
  it("writes every column in order, ints as numbers, nulls as null, text escaped", () => {
    const row = sampleRow({ comment_text: 'He said "no"\n\u2028ok', note: null, decision_id: 12 });
    const line = jsonObject(row);
    expect(line).not.toContain("\n");
    const parsed = JSON.parse(line) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(EXPORT_COLUMNS.map((column) => column.key));
    expect(parsed.decision_id).toBe(12);
    expect(parsed.comment_text).toBe('He said "no"\n\u2028ok');
    expect(parsed.note).toBeNull();
  });

  it("does not neutralize formulas: JSON is not opened by spreadsheets", () => {
    expect(JSON.parse(jsonObject(sampleRow({ comment_text: "=1+1" }))).comment_text).toBe("=1+1");
  });

  it.each(["json", "jsonl"] as const)("%s: keeps text the CSV guard quotes (leading space or line break, full-width ＝＋－＠) as it is", (format) => {
    const hostile = [" =1+1", "\n-2", "\uff1dSUM(A1)", "\u3000\uff20x"];
    const text = render(format, [hostile.map((comment_text) => sampleRow({ comment_text }))]);
    const rows = (format === "json" ? JSON.parse(text) : text.trim().split("\n").map((line) => JSON.parse(line))) as { comment_text: string }[];
    expect(rows.map((row) => row.comment_text)).toEqual(hostile);
    expect(render("csv", [[sampleRow({ comment_text: " =1+1" })]])).toContain(",' =1+1,");
  });
});

describe("createExportFormatter", () => {
  it("csv: header of column keys, one CRLF record per row, optional BOM", () => {
    const text = render("csv", [[sampleRow({ comment_text: "a,b" })], [sampleRow()]]);
    const records = text.split("\r\n");
    expect(records[0]).toBe(EXPORT_COLUMNS.map((column) => column.key).join(","));
    expect(records).toHaveLength(4);
    expect(records[3]).toBe("");
    expect(text.startsWith("\uFEFF")).toBe(false);
    expect(render("csv", [], true).startsWith("\uFEFFdecision_id,")).toBe(true);
  });

  it("jsonl: one object per line, nothing else", () => {
    const text = render("jsonl", [[sampleRow(), sampleRow()], [sampleRow()]]);
    const lines = text.split("\n");
    expect(lines).toHaveLength(4);
    expect(lines.at(-1)).toBe("");
    for (const line of lines.slice(0, 3)) expect(JSON.parse(line)).toHaveProperty("decision_id", 7);
  });

  it("json: one valid array across batches, and an empty array for no rows", () => {
    const text = render("json", [[sampleRow(), sampleRow()], [], [sampleRow({ decision_id: 9 })]]);
    const parsed = JSON.parse(text) as { decision_id: number }[];
    expect(parsed.map((row) => row.decision_id)).toEqual([7, 7, 9]);
    expect(JSON.parse(render("json", []))).toEqual([]);
    expect(JSON.parse(render("json", [[]]))).toEqual([]);
  });
});

describe("ExportFormatter.encode", () => {
  it.each(["csv", "jsonl", "json"] as const)("%s: writes the same UTF-8 bytes as join, batch after batch", (format) => {
    const records = ['a,"b"', "Привет 😀", "", "x\ny"];
    const joining = createExportFormatter(format);
    const encoding = createExportFormatter(format);
    for (const batch of [records.slice(0, 1), [], records.slice(1)]) {
      const bytes = encoding.encode(batch);
      expect(bytes.equals(Buffer.from(joining.join(batch)))).toBe(true);
    }
  });
});
