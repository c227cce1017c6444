// What the database takes on disk at each size of the scale bench: the whole database, each big
// table with its heap (TOAST included) and its indexes, and each index of comment.
import type pg from "pg";

type Figures = Record<string, number>;

const TABLES = ["comment", "flag", "decision", "audit_event"];
const MB = 1024 * 1024;
const mb = (bytes: number | string) => Math.round((Number(bytes) / MB) * 10) / 10;

export async function diskFigures(client: pg.Client, comments: number): Promise<Figures> {
  const database = (await client.query<{ bytes: string }>(`SELECT pg_database_size(current_database()) AS bytes`)).rows[0]!.bytes;
  const tables = await client.query<{ name: string; total: string; heap: string; indexes: string }>(
    `SELECT relname AS name, pg_total_relation_size(oid) AS total, pg_table_size(oid) AS heap, pg_indexes_size(oid) AS indexes
     FROM pg_class WHERE relname = ANY($1::text[]) AND relkind = 'r' AND relnamespace = current_schema()::regnamespace`,
    [TABLES],
  );
  const indexes = await client.query<{ name: string; bytes: string }>(
    `SELECT c.relname AS name, pg_relation_size(c.oid) AS bytes FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
     WHERE i.indrelid = 'comment'::regclass ORDER BY pg_relation_size(c.oid) DESC`,
  );
  const figures: Figures = { database_mb: mb(database), mb_per_million: Math.round((mb(database) / (comments / 1_000_000)) * 10) / 10 };
  for (const table of tables.rows) {
    figures[`table_mb:${table.name}`] = mb(table.total);
    figures[`heap_mb:${table.name}`] = mb(table.heap);
    figures[`indexes_mb:${table.name}`] = mb(table.indexes);
  }
  for (const index of indexes.rows) figures[`index_mb:${index.name}`] = mb(index.bytes);
  return figures;
}

export function diskLines(figures: Figures): string[] {
  const tableLines = TABLES.map(
    (table) => `  ${table}: ${figures[`table_mb:${table}`]} MB (table with TOAST ${figures[`heap_mb:${table}`]} MB, indexes ${figures[`indexes_mb:${table}`]} MB)`,
  );
  const indexLine = Object.entries(figures)
    .filter(([key]) => key.startsWith("index_mb:"))
    .map(([key, value]) => `${key.slice("index_mb:".length)} ${value}`)
    .join(", ");
  return [
    `disk: database ${figures.database_mb} MB (pg_database_size), ${figures.mb_per_million} MB per million comments; pg_total_relation_size by table:`,
    ...tableLines,
    `  comment's indexes, MB: ${indexLine}`,
  ];
}
