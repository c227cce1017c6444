import { parse } from "csv-parse/sync";
import { z } from "zod";
import { QUALITY_LABELS, detectScript, type LabelledRecord, type QualityLabel } from "@/lib/detect/quality/labelled-record";

/** A record that could not be read: where (line, field) and why. Nothing is dropped silently. */
export interface LabelProblem {
  line: number;
  field?: string;
  message: string;
}

export interface ParsedLabels {
  records: LabelledRecord[];
  problems: LabelProblem[];
}

const labelSchema = z.enum(QUALITY_LABELS, { message: `must be one of ${QUALITY_LABELS.join(", ")}` });

// The corpus's record (../shared/corpus/README.md); extra fields (source, rationale) are ignored.
const jsonRecordSchema = z.object({
  text: z.string().min(1, "must not be empty"),
  labels: z.array(labelSchema),
  article: z.object({ title: z.string(), url: z.string().optional() }).optional(),
  parent: z.string().optional(),
  borderline: z.boolean().optional(),
  lang: z.string().min(1).optional(),
  thread: z.string().min(1).optional(),
});

function toRecord(id: string, fields: z.infer<typeof jsonRecordSchema>): LabelledRecord {
  return {
    id,
    text: fields.text,
    labels: fields.labels,
    borderline: fields.borderline ?? false,
    lang: fields.lang ?? detectScript(fields.text),
    thread: fields.thread ?? id,
    ...(fields.article ? { article: fields.article } : {}),
    ...(fields.parent ? { parent: fields.parent } : {}),
  };
}

/** JSONL: one corpus-shaped object a line (`text` and `labels` required). */
export function parseLabelledJsonl(text: string, fileName: string): ParsedLabels {
  const records: LabelledRecord[] = [];
  const problems: LabelProblem[] = [];
  text.split("\n").forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      problems.push({ line, message: `not valid JSON (${(error as Error).message})` });
      return;
    }
    const result = jsonRecordSchema.safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push({ line, field: issue.path.join(".") || undefined, message: issue.message });
      return;
    }
    records.push(toRecord(`${fileName}:${line}`, result.data));
  });
  return { records, problems };
}

const CSV_REQUIRED = ["text", "labels"] as const;
const CSV_OPTIONAL = ["article_title", "parent", "borderline", "lang", "thread"] as const;
const BOOLEAN_WORDS: Record<string, boolean> = { "": false, true: true, false: false, yes: true, no: false, "1": true, "0": false };

/** CSV with a header: text, labels (separated by ';', ',', '|' or spaces; empty = clean), and optionally article_title, parent, borderline, lang, thread. */
export function parseLabelledCsv(text: string, fileName: string): ParsedLabels {
  const records: LabelledRecord[] = [];
  const problems: LabelProblem[] = [];
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(text, { columns: true, info: true, skip_empty_lines: true, bom: true, relax_column_count: false }) as typeof rows;
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === "number" ? (error as { lines: number }).lines : 1;
    return { records, problems: [{ line, message: `not readable as CSV (${(error as Error).message})` }] };
  }
  const header = rows[0] ? Object.keys(rows[0].record) : [];
  const missing = CSV_REQUIRED.filter((column) => rows.length > 0 && !header.includes(column));
  if (missing.length > 0) return { records, problems: [{ line: 1, message: `the header lacks ${missing.join(", ")} (columns: ${[...CSV_REQUIRED, ...CSV_OPTIONAL].join(", ")})` }] };
  for (const { record: row, info } of rows) {
    const line = info.lines;
    const labels: QualityLabel[] = [];
    let isValid = true;
    for (const word of (row.labels ?? "").split(/[;,|\s]+/).filter(Boolean)) {
      const label = labelSchema.safeParse(word.toLowerCase());
      if (label.success) labels.push(label.data);
      else { problems.push({ line, field: "labels", message: `'${word}' ${label.error.issues[0]!.message}` }); isValid = false; }
    }
    const borderline = BOOLEAN_WORDS[(row.borderline ?? "").trim().toLowerCase()];
    if (borderline === undefined) { problems.push({ line, field: "borderline", message: "must be true/false, yes/no, 1/0 or empty" }); isValid = false; }
    if (!row.text) { problems.push({ line, field: "text", message: "must not be empty" }); isValid = false; }
    if (!isValid) continue;
    records.push(toRecord(`${fileName}:${line}`, {
      text: row.text!,
      labels: [...new Set(labels)],
      borderline,
      lang: row.lang || undefined,
      thread: row.thread || undefined,
      parent: row.parent || undefined,
      article: row.article_title ? { title: row.article_title } : undefined,
    }));
  }
  return { records, problems };
}
