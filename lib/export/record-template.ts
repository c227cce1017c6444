import { EXPORT_COLUMNS } from "./columns";
import { csvField } from "./csv";
import { EXPORT_COLUMN_SQL } from "./decision-rows-query";

// How one record of an export is written, split between Postgres and Node by what each does
// cheaply. Postgres pastes the keys, separators, ints, enums and timestamps between two free-text
// values into one piece ("glue"); Node escapes the free-text values (csvField, JSON.stringify) and
// concatenates. A record is then glue₀ + escape(text₀) + glue₁ + … + glueₙ, read from 12 values
// per row instead of 18, half of them needing no work. (Formatting all 18 values in Node cost it
// ~7 µs of CPU per row.)
//
// Not all of it in SQL: escaping long text (to_json, regexp and replace) costs Postgres more than
// V8, and Postgres is the export's one serial worker (a cursor runs no parallel workers); it
// already spends ~6-7 µs per row joining, sorting and aggregating flags, and a record fully
// written by SQL took it ~10 µs. Even the glue's `||` cost ~50 ns each, hence the NOT NULL
// columns written without coalesce, their JSON quotes folded into the constants.
// The result is byte for byte what createExportFormatter(format).record(row) writes for the same
// values (decision-export-text.db.test.ts checks it on hostile text).

export type RecordFormat = "csv" | "json";

/** A glue piece: a constant (no SQL value in it), or the index of the selected column holding it. */
type Glue = string | number;

export interface RecordTemplate {
  /** The SELECT list, expressions over the decision query's row `r`. */
  selectList: string;
  /** One record's text from one row of that SELECT, in rowMode "array". */
  render(row: readonly unknown[]): string;
}

const sqlLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

function escapeJson(value: unknown): string {
  return value === null || value === undefined ? "null" : JSON.stringify(value);
}

function escapeCsv(value: unknown): string {
  return csvField(value as string | null);
}

export function createRecordTemplate(format: RecordFormat): RecordTemplate {
  const selected: string[] = [];
  const glues: Glue[] = [];
  const texts: number[] = [];
  // The current glue: constants and SQL values, in order.
  let pieces: ({ constant: string } | { sql: string })[] = [];
  const addConstant = (text: string) => {
    const last = pieces.at(-1);
    if (last && "constant" in last) last.constant += text;
    else pieces.push({ constant: text });
  };
  const flushGlue = () => {
    const first = pieces[0];
    if (pieces.length === 0) glues.push("");
    else if (pieces.length === 1 && first && "constant" in first) glues.push(first.constant);
    else glues.push(selected.push(pieces.map((piece) => ("constant" in piece ? sqlLiteral(piece.constant) : piece.sql)).join(" || ")) - 1);
    pieces = [];
  };
  EXPORT_COLUMNS.forEach((column, index) => {
    if (format === "csv") {
      if (index > 0) addConstant(",");
    } else addConstant(`${index === 0 ? "{" : ","}${JSON.stringify(column.key)}:`);
    const { sql, kind, isNullable } = EXPORT_COLUMN_SQL[column.key];
    if (kind === "text") {
      flushGlue();
      texts.push(selected.push(sql) - 1);
    } else if (!isNullable && kind === "int") {
      pieces.push({ sql: `(${sql})::text` });
    } else if (format === "csv" && kind === "list") {
      pieces.push({ sql: `coalesce(CASE WHEN strpos(${sql}, ';') > 0 THEN '"' || (${sql}) || '"' ELSE ${sql} END, '')` });
    } else if (format === "csv") {
      pieces.push({ sql: isNullable ? `coalesce((${sql})::text, '')` : sql });
    } else if (kind === "int") {
      pieces.push({ sql: `coalesce((${sql})::text, 'null')` });
    } else if (!isNullable) {
      addConstant('"');
      pieces.push({ sql });
      addConstant('"');
    } else {
      pieces.push({ sql: `coalesce('"' || (${sql}) || '"', 'null')` });
    }
  });
  if (format === "json") addConstant("}");
  flushGlue();

  const escape = format === "csv" ? escapeCsv : escapeJson;
  const glueText = (glue: Glue, row: readonly unknown[]) => (typeof glue === "number" ? (row[glue] as string) : glue);
  return {
    selectList: selected.map((sql, index) => `${sql} AS v${index}`).join(",\n  "),
    render(row) {
      let text = glueText(glues[0]!, row);
      for (let index = 0; index < texts.length; index++) text += escape(row[texts[index]!]) + glueText(glues[index + 1]!, row);
      return text;
    },
  };
}
