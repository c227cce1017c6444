// Seeding a million rows one by one into indexed tables (B-trees and, above all, the full-text
// GIN index with realistic text) costs several times what the rows themselves do. Benches seed
// with the secondary indexes dropped and build them once afterwards, as a bulk load would: the
// same indexes in the end, so what is measured on the data does not change.
import type pg from "pg";

interface SecondaryIndex {
  name: string;
  definition: string;
}

async function secondaryIndexes(client: pg.Client, tables: string[]): Promise<SecondaryIndex[]> {
  // Indexes behind a constraint (primary keys, unique constraints) stay: they guard the data.
  const result = await client.query<SecondaryIndex>(
    `SELECT i.indexname AS name, i.indexdef AS definition
       FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [tables],
  );
  return result.rows;
}

/** Runs `seed` with the tables' secondary indexes dropped, then rebuilds them (in parallel workers) and analyzes the tables. */
export async function withIndexesDeferred<T>(client: pg.Client, tables: string[], seed: () => Promise<T>): Promise<T> {
  const indexes = await secondaryIndexes(client, tables);
  for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
  const result = await seed();
  await client.query(`SET maintenance_work_mem = '1GB'`);
  await client.query(`SET max_parallel_maintenance_workers = 2`);
  for (const index of indexes) await client.query(index.definition);
  await client.query(`RESET maintenance_work_mem`);
  await client.query(`RESET max_parallel_maintenance_workers`);
  for (const table of tables) await client.query(`ANALYZE "${table}"`);
  return result;
}
