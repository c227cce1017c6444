import { EXPORT_COLUMNS, type ExportColumnKey } from "./columns";
import type { ExportFilters } from "./schemas";

// The one SQL of a decisions export: one row per decision, oldest first, its values already
// formatted by Postgres (timestamps as ISO text, enums as text, flags aggregated).
// decisionRowsQuery gives them as columns named after EXPORT_COLUMNS (the reference the
// formatters are tested against); record-template.ts selects, over the same rows, the few
// pieces Node needs to write each record.
//
// Timestamps are `timestamp without time zone` holding UTC (as Prisma writes them), so to_char
// formats them as they are; `AT TIME ZONE 'UTC'` here would turn them into timestamptz and make the
// text depend on the session's TimeZone. Filter bounds go the other way: an instant
// (timestamptz) AT TIME ZONE 'UTC' is the UTC wall time the columns hold.

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

// The flags: most comments have none, so a hashed EXISTS (one pass over flag, then a hash probe
// per row) guards the aggregate, which then runs only for flagged comments. The former LEFT JOIN
// LATERAL ran its aggregate, and set up its DISTINCT sorts, for every row: the flags cost ~2 µs
// of the query's ~7 µs per row, and the bench's COPY of this query went from 127k to 164k
// rows/s without it. Both lists come from one subquery, as an array, and the OFFSET 0 fence
// below keeps the planner from copying that subquery into each of its uses.
const FLAGS = `CASE WHEN EXISTS (SELECT FROM flag probe WHERE probe."commentId" = c.id) THEN (
    SELECT ARRAY[string_agg(DISTINCT fl.category::text, ';' ORDER BY fl.category::text), string_agg(DISTINCT r.name, ';' ORDER BY r.name)]
    FROM flag fl JOIN rule r ON r.id = fl."ruleId"
    WHERE fl."commentId" = c.id) END`;

const ROWS = `SELECT
    d.id AS decision_id,
    c.id AS comment_id,
    c."externalId" AS comment_external_id,
    c.source AS comment_source,
    a.id AS article_id,
    a.title AS article_title,
    c."authorName" AS author,
    c.body AS comment_text,
    to_char(c."postedAt", ${ISO}) AS posted_at,
    d.action::text AS action,
    d."fromStatus"::text AS from_status,
    d."toStatus"::text AS status,
    d.reason::text AS reason,
    d.note AS note,
    CASE WHEN d."moderatorId" IS NULL THEN 'system' ELSE u.email END AS moderator,
    to_char(d."createdAt", ${ISO}) AS decided_at,
    ${FLAGS} AS flags,
    d."createdAt" AS sort_at
  FROM decision d
  JOIN comment c ON c.id = d."commentId"
  JOIN article a ON a.id = c."articleId"
  LEFT JOIN "user" u ON u.id = d."moderatorId"`;

/**
 * How a column's value may be written:
 * - int: an integer;
 * - plain: text Postgres made from enum labels or timestamps, which can hold no quote, comma,
 *   semicolon, backslash, CR/LF or control character and cannot start like a formula,
 *   so it needs neither CSV quoting, formula neutralization nor JSON escaping;
 * - list: ';'-joined enum labels: plain, but quoted in CSV when it holds a ';' (a semicolon-locale
 *   spreadsheet splits on it, csv.ts), as csvField would;
 * - text: anything a user or an import wrote.
 */
export type ColumnValueKind = "int" | "plain" | "list" | "text";

/** Each column as an expression over the row `r` of the decision query, its kind, and whether it can be NULL. */
export const EXPORT_COLUMN_SQL: Record<ExportColumnKey, { sql: string; kind: ColumnValueKind; isNullable: boolean }> = {
  decision_id: { sql: "r.decision_id", kind: "int", isNullable: false },
  comment_id: { sql: "r.comment_id", kind: "int", isNullable: false },
  comment_external_id: { sql: "r.comment_external_id", kind: "text", isNullable: true },
  comment_source: { sql: "r.comment_source", kind: "text", isNullable: false },
  article_id: { sql: "r.article_id", kind: "int", isNullable: false },
  article_title: { sql: "r.article_title", kind: "text", isNullable: false },
  author: { sql: "r.author", kind: "text", isNullable: true },
  comment_text: { sql: "r.comment_text", kind: "text", isNullable: false },
  posted_at: { sql: "r.posted_at", kind: "plain", isNullable: false },
  action: { sql: "r.action", kind: "plain", isNullable: false },
  from_status: { sql: "r.from_status", kind: "plain", isNullable: false },
  status: { sql: "r.status", kind: "plain", isNullable: false },
  reason: { sql: "r.reason", kind: "plain", isNullable: true },
  note: { sql: "r.note", kind: "text", isNullable: true },
  moderator: { sql: "r.moderator", kind: "text", isNullable: true },
  decided_at: { sql: "r.decided_at", kind: "plain", isNullable: false },
  flag_categories: { sql: "r.flags[1]", kind: "list", isNullable: true },
  flag_rules: { sql: "r.flags[2]", kind: "text", isNullable: true },
};

export interface SqlQuery {
  text: string;
  values: (string | number)[];
}

/** SELECT `selectList` (expressions over `r`, see EXPORT_COLUMN_SQL) for the decisions the filters keep, oldest first. */
export function decisionQuery(selectList: string, filters: ExportFilters): SqlQuery {
  const where: string[] = [];
  const values: (string | number)[] = [];
  const param = (value: string | number) => {
    values.push(value);
    return `$${values.length}`;
  };
  if (filters.since) where.push(`d."createdAt" >= (${param(filters.since.toISOString())}::timestamptz AT TIME ZONE 'UTC')`);
  if (filters.until) where.push(`d."createdAt" < (${param(filters.until.toISOString())}::timestamptz AT TIME ZONE 'UTC')`);
  // Decisions of the transactions the cursor's snapshot did not see finished (export-cursor.ts).
  // The xmin bound is implied by the visibility test; stated, it lets the index on xactId skip
  // every transaction before it. The upper bound holds for every row this database wrote (a row
  // visible to the export's snapshot was written before it); it leaves out rows restored from a
  // dump of another server, whose ids this one has not reached and which would otherwise count as
  // new in every export until it did.
  if (filters.after) {
    where.push(
      `d."xactId" >= ${param(filters.after.xmin)}::xid8`,
      `d."xactId" < pg_snapshot_xmax(pg_current_snapshot())`,
      `NOT pg_visible_in_snapshot(d."xactId", ${param(filters.after.snapshot)}::pg_snapshot)`,
    );
  }
  if (filters.article !== undefined) where.push(`c."articleId" = ${param(filters.article)}`);
  if (filters.moderator === "system") where.push(`d."moderatorId" IS NULL`);
  // A subquery, not u.email = $n: the decision index on moderatorId stays usable.
  else if (filters.moderator !== undefined) where.push(`d."moderatorId" = (SELECT id FROM "user" WHERE lower(email) = lower(${param(filters.moderator)}))`);
  const inner = `${ROWS}${where.length > 0 ? `\n  WHERE ${where.join("\n    AND ")}` : ""}\n  ORDER BY d."createdAt", d.id\n  OFFSET 0`;
  // The outer ORDER BY restates the inner one (which Postgres sees is already satisfied, no second
  // sort), so that the order does not rest on the subquery's.
  const text = `SELECT ${selectList}\nFROM (\n  ${inner}\n) r\nORDER BY r.sort_at, r.decision_id`;
  return { text, values };
}

/** The export's rows as columns named after EXPORT_COLUMNS. */
export function decisionRowsQuery(filters: ExportFilters): SqlQuery {
  return decisionQuery(EXPORT_COLUMNS.map((column) => `${EXPORT_COLUMN_SQL[column.key].sql} AS ${column.key}`).join(",\n  "), filters);
}
