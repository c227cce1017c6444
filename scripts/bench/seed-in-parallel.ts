// A generated million-row INSERT … SELECT runs in one Postgres backend, on one core. Benches seed
// in ranges over one connection per core instead, so seeding takes half the time on two cores;
// what is measured afterwards does not change.
import os from "node:os";
import pg from "pg";
import { pgConfigFromUrl } from "@/lib/db/connection-url";

export type InsertRange = (client: pg.Client, from: number, to: number) => Promise<unknown>;

/** Calls `insertRange` for first..count in ranges of `rangeSize`, on one connection per core by default (first > 1: a table grown in steps). */
export async function seedInParallel(databaseUrl: string, count: number, rangeSize: number, insertRange: InsertRange, first = 1, connections = os.availableParallelism()): Promise<void> {
  const ranges: [number, number][] = [];
  for (let from = first; from <= count; from += rangeSize) ranges.push([from, Math.min(count, from + rangeSize - 1)]);
  const workers = Math.max(1, Math.min(connections, ranges.length));
  await Promise.all(
    Array.from({ length: workers }, async () => {
      const client = new pg.Client(pgConfigFromUrl(databaseUrl));
      await client.connect();
      try {
        for (let range = ranges.shift(); range; range = ranges.shift()) await insertRange(client, range[0], range[1]);
      } finally {
        await client.end();
      }
    }),
  );
}
