// Decisions export throughput and memory: N generated decisions exported as CSV and as JSONL
// through the real streaming code (cursor → formatter → a null sink that takes bytes, as a socket
// or file would), next to Postgres's own `COPY (same query) TO STDOUT` in the same run.
// Run: node bin/run-ts.mjs scripts/bench/export-bench.ts [--quick]   (DATABASE_URL, or a throwaway embedded server)
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { decisionRowsQuery } from "@/lib/export/decision-rows-query";
import type { ExportFormat } from "@/lib/export/export-formatter";
import type { ExportFilters } from "@/lib/export/schemas";
import { timeHttpDownload } from "./export-http";
import { seedInParallel } from "./seed-in-parallel";
import { withIndexesDeferred } from "./with-indexes-deferred";

interface Measure {
  rssBeforeMB: number;
  /** This process's CPU per row (user + system): Node's share, unlike wall time not skewed by other load. */
  nodeCpuMicrosPerRow: number;
  rowsPerSec: number;
  seconds: number;
  megabytes: number;
  peakRssMB: number;
  rows: number;
}

function nullSink(counter: { bytes: number }): Writable {
  return new Writable({
    highWaterMark: 1 << 20,
    write(chunk: Buffer, _encoding, callback) {
      counter.bytes += chunk.length;
      callback();
    },
  });
}

/** Samples RSS every 10 ms while `work` runs (the samples land between batches, when the loop is free). */
async function measure(rows: () => number, work: (counter: { bytes: number }) => Promise<void>): Promise<Measure> {
  global.gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  const counter = { bytes: 0 };
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  try {
    await work(counter);
  } finally {
    clearInterval(timer);
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  peak = Math.max(peak, process.memoryUsage.rss());
  return { rssBeforeMB: round(before / 1048576), nodeCpuMicrosPerRow: round((cpu.user + cpu.system) / Math.max(1, rows())), rows: rows(), seconds: round(seconds), rowsPerSec: Math.round(rows() / seconds), megabytes: round(counter.bytes / 1048576), peakRssMB: round(peak / 1048576) };
}

async function seed(client: pg.Client, databaseUrl: string, runId: string, count: number, base: string): Promise<void> {
  const rules = await client.query<{ id: number }>(
    `INSERT INTO rule (name, category, kind, config, severity, "updatedAt") VALUES ($1, 'SPAM', 'TERMS', '{}', 2, now()), ($2, 'ABUSIVE', 'TERMS', '{}', 3, now()) RETURNING id`,
    [`bench-${runId}-spam`, `bench-${runId}-abuse`],
  );
  await client.query(`INSERT INTO article (key, title) SELECT 'bench:' || $1 || ':' || g, 'Bench article ' || g || ', "quoted"' FROM generate_series(1, 100) g`, [runId]);
  await withIndexesDeferred(client, ["comment", "decision"], () =>
    seedInParallel(databaseUrl, count, 50_000, (rangeClient, from, to) =>
      rangeClient.query(
        `WITH a AS (SELECT array_agg(id ORDER BY id) AS ids FROM article WHERE key LIKE 'bench:' || $1 || ':%'),
         c AS (
           INSERT INTO comment ("articleId", source, "externalId", "dedupeKey", "contentHash", "authorName", body, "postedAt")
           SELECT a.ids[1 + g % 100], 'bench', 'ext-' || g, 'bench:' || $1 || ':' || g, md5(g::text), 'Reader ' || (g % 5000),
                  CASE WHEN g % 50 = 0 THEN '=HYPERLINK("http://x","click") ' ELSE '' END || 'Comment ' || g || ' on the budget, with "quotes", commas and a line
break; ' || md5(g::text) || ' ' || md5((g + 1)::text),
                  $2::timestamp + g * interval '1 millisecond'
           FROM a, generate_series($3::int, $4::int) g
           RETURNING id, "postedAt")
         INSERT INTO decision ("commentId", action, "fromStatus", "toStatus", reason, note, "createdAt")
         SELECT id, 'HIDE', 'PENDING', 'HIDDEN', 'SPAM', CASE WHEN id % 3 = 0 THEN 'bench note' END, "postedAt" + interval '1 minute' FROM c`,
        [runId, base, from, to],
      ),
    ),
  );
  await client.query(
    `INSERT INTO flag ("commentId", "ruleId", "ruleVersion", category, score, spans, reason)
     SELECT c.id, r.id, 1, r.category, 1, '[]', 'bench' FROM comment c CROSS JOIN rule r
     WHERE c."dedupeKey" LIKE 'bench:' || $1 || ':%' AND c.id % 10 = 0 AND r.id = ANY($2::int[])`,
    [runId, rules.rows.map((row) => row.id)],
  );
  // VACUUM, not only ANALYZE: the first scan after a bulk insert sets every row's hint bits and
  // dirties its pages, a cost the first timed run (ours) would pay alone.
  // One statement each: VACUUM cannot run in the implicit transaction of a multi-statement query.
  for (const table of ["comment", "decision", "flag"]) await client.query(`VACUUM ANALYZE ${table}`);
}

async function cleanUp(client: pg.Client, runId: string): Promise<void> {
  const like = `bench:${runId}:%`;
  await client.query(`DELETE FROM flag WHERE "commentId" IN (SELECT id FROM comment WHERE "dedupeKey" LIKE $1)`, [like]);
  await client.query(`DELETE FROM decision WHERE "commentId" IN (SELECT id FROM comment WHERE "dedupeKey" LIKE $1)`, [like]);
  await client.query(`DELETE FROM comment WHERE "dedupeKey" LIKE $1`, [like]);
  await client.query(`DELETE FROM article WHERE key LIKE $1`, [like]);
  await client.query(`DELETE FROM rule WHERE name LIKE $1`, [`bench-${runId}-%`]);
}

/** What a user would write for the same export: the columns straight from the tables, for the same window. */
function plainExportQuery(client: pg.Client, filters: ExportFilters): string {
  const since = client.escapeLiteral(filters.since!.toISOString());
  const until = client.escapeLiteral(filters.until!.toISOString());
  return `SELECT d.id, c.id, c."externalId", c.source, a.id, a.title, c."authorName", c.body, c."postedAt", d.action, d."fromStatus", d."toStatus",
                 d.reason, d.note, coalesce(u.email, 'system'), d."createdAt",
                 (SELECT string_agg(DISTINCT f.category::text, ';') FROM flag f WHERE f."commentId" = c.id),
                 (SELECT string_agg(DISTINCT r.name, ';') FROM flag f JOIN rule r ON r.id = f."ruleId" WHERE f."commentId" = c.id)
          FROM decision d JOIN comment c ON c.id = d."commentId" JOIN article a ON a.id = c."articleId" LEFT JOIN "user" u ON u.id = d."moderatorId"
          WHERE d."createdAt" >= ${since}::timestamptz AT TIME ZONE 'UTC' AND d."createdAt" < ${until}::timestamptz AT TIME ZONE 'UTC'
          ORDER BY d."createdAt", d.id`;
}

/** COPY cannot take bind parameters: the same query with its values inlined as literals. */
function inlineParameters(client: pg.Client, text: string, values: (string | number)[]): string {
  return text.replace(/\$(\d+)/g, (_match, index: string) => {
    const value = values[Number(index) - 1];
    return typeof value === "number" ? String(value) : client.escapeLiteral(String(value));
  });
}

export async function runExportBench(opts: { quick: boolean; databaseUrl: string }): Promise<{ name: string; lines: string[]; figures: Record<string, number> }> {
  // lib/ reads the database from the environment (lib/env.ts), as every entry point sets it.
  process.env.DATABASE_URL = opts.databaseUrl;
  const rssAtStartMB = round(process.memoryUsage.rss() / 1048576);
  const { pumpDecisionExport } = await import("@/lib/export/stream-decision-export");
  // The export ends by writing its audit event through Prisma: load Prisma first, as a running
  // server has, so that its one-time load does not count as the export's memory.
  const { db } = await import("@/lib/db/client");
  await db.$queryRaw`SELECT 1`;
  const count = opts.quick ? 50_000 : 1_000_000;
  const runId = randomBytes(4).toString("hex");
  // A private window of decided times (one per run), so the export takes exactly the bench's rows.
  const base = new Date(Date.UTC(1990, 0, 1) + Math.floor(Math.random() * 10_000) * 86_400_000);
  const filters: ExportFilters = { since: base, until: new Date(base.getTime() + 86_400_000) };
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  try {
    const seedStarted = performance.now();
    await seed(client, opts.databaseUrl, runId, count, base.toISOString().slice(0, 23).replace("T", " "));
    const seedSeconds = round((performance.now() - seedStarted) / 1000);

    const viaExport = async (format: ExportFormat) => {
      let rows = 0;
      const result = await measure(
        () => rows,
        async (counter) => {
          const sink = nullSink(counter);
          const summary = await pumpDecisionExport({ format, filters, actor: { id: null, label: "bench" }, via: "bench" }, async (chunk) => {
            if (!sink.write(chunk)) await once(sink, "drain");
          });
          rows = summary.rows;
        },
      );
      if (result.rows !== count) throw new Error(`the ${format} export gave ${result.rows} rows, expected ${count}`);
      return result;
    };
    const csv = await viaExport("csv");
    const jsonl = await viaExport("jsonl");
    const { text, values } = decisionRowsQuery(filters);
    let copyRows = 0;
    const copy = await measure(
      () => copyRows,
      async (counter) => {
        const stream = client.query(copyTo(`COPY (${inlineParameters(client, text, values)}) TO STDOUT WITH (FORMAT csv, HEADER)`));
        await pipeline(stream, nullSink(counter));
        copyRows = stream.rowCount;
      },
    );

    // The COPY a user would write by hand: the same columns straight from the tables, Postgres's
    // own CSV, no formula neutralization, flags as one aggregate per row.
    let plainRows = 0;
    const plain = await measure(
      () => plainRows,
      async (counter) => {
        const stream = client.query(copyTo(`COPY (${plainExportQuery(client, filters)}) TO STDOUT WITH (FORMAT csv, HEADER)`));
        await pipeline(stream, nullSink(counter));
        plainRows = stream.rowCount;
      },
    );
    if (plainRows !== count) throw new Error(`the plain COPY gave ${plainRows} rows, expected ${count}`);
    const http = await timeHttpDownload(opts.databaseUrl, filters, count);

    const figures = {
      plainCopyRowsPerSec: plain.rowsPerSec,
      plainCopySeconds: plain.seconds,
      httpCsvRowsPerSec: http.rowsPerSec,
      httpCsvSeconds: http.seconds,
      decisions: count,
      seedSeconds,
      rssAtStartMB,
      rssBeforeCsvMB: csv.rssBeforeMB,
      csvRowsPerSec: csv.rowsPerSec,
      csvSeconds: csv.seconds,
      csvMB: csv.megabytes,
      csvPeakRssMB: csv.peakRssMB,
      csvNodeCpuMicrosPerRow: csv.nodeCpuMicrosPerRow,
      jsonlRowsPerSec: jsonl.rowsPerSec,
      jsonlSeconds: jsonl.seconds,
      jsonlMB: jsonl.megabytes,
      jsonlPeakRssMB: jsonl.peakRssMB,
      jsonlNodeCpuMicrosPerRow: jsonl.nodeCpuMicrosPerRow,
      copyRowsPerSec: copy.rowsPerSec,
      copySeconds: copy.seconds,
      copyMB: copy.megabytes,
      copyPeakRssMB: copy.peakRssMB,
      copyNodeCpuMicrosPerRow: copy.nodeCpuMicrosPerRow,
      csvVsCopyRatio: round(csv.rowsPerSec / copy.rowsPerSec),
    };
    const verdict = (m: Measure) => `target ≥100k rows/s: ${m.rowsPerSec >= 100_000 ? "ok" : "MISSED"}, peak RSS <256 MB: ${m.peakRssMB < 256 ? "ok" : "MISSED"}`;
    const lines = [
      `decisions: ${count} (seeded in ${seedSeconds} s; 10% flagged by 2 rules, 2% formula payloads)`,
      `process RSS: ${rssAtStartMB} MB when the bench started, ${csv.rssBeforeMB} MB before the first export (Prisma, pg, tsx loaded and warm)`,
      `csv export:   ${csv.rowsPerSec} rows/s (${csv.seconds} s, ${csv.megabytes} MB), peak RSS ${csv.peakRssMB} MB, Node CPU ${csv.nodeCpuMicrosPerRow} µs/row — ${verdict(csv)}`,
      `jsonl export: ${jsonl.rowsPerSec} rows/s (${jsonl.seconds} s, ${jsonl.megabytes} MB), peak RSS ${jsonl.peakRssMB} MB, Node CPU ${jsonl.nodeCpuMicrosPerRow} µs/row — ${verdict(jsonl)}`,
      `csv export over HTTP, what a user waits for (GET /api/v1/decisions?format=csv on a production build after one untimed request, bearer token, body read to the end; one run): ${http.rowsPerSec} rows/s (${http.seconds} s, ${http.megabytes} MB)`,
      `COPY baseline, our query: ${copy.rowsPerSec} rows/s (${copy.seconds} s, ${copy.megabytes} MB, Postgres's own CSV), peak RSS ${copy.peakRssMB} MB, Node CPU ${copy.nodeCpuMicrosPerRow} µs/row`,
      `COPY baseline, plain (COPY (SELECT <the columns> FROM decision JOIN comment …) TO STDOUT CSV, as a user would write it): ${plain.rowsPerSec} rows/s (${plain.seconds} s, ${plain.megabytes} MB)`,
      `rows/s ratios (one run each over the ${count.toLocaleString("en-US")} decisions; below 1: ours is slower): csv export ÷ COPY of our query ${figures.csvVsCopyRatio}x; csv export ÷ plain COPY ${round(csv.rowsPerSec / plain.rowsPerSec)}x; over HTTP ÷ to a null sink ${round(http.rowsPerSec / csv.rowsPerSec)}x`,
    ];
    return { name: "export", lines, figures };
  } finally {
    await cleanUp(client, runId).catch((error: unknown) => console.error("[export bench] clean-up failed", error));
    await client.end();
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

async function withThrowawayDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return work(process.env.DATABASE_URL);
  const { startEmbeddedPostgres } = await import("@/lib/db/embedded-postgres");
  const { applyPendingMigrations } = await import("@/lib/db/migrations");
  const dir = mkdtempSync(path.join(os.tmpdir(), "moddesk-export-bench-"));
  const server = await startEmbeddedPostgres({ baseDir: dir });
  try {
    await applyPendingMigrations(server.url);
    return await work(server.url);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await withThrowawayDatabase(async (databaseUrl) => {
    const result = await runExportBench({ quick: process.argv.includes("--quick"), databaseUrl });
    for (const line of result.lines) console.log(line);
    const { closePgPool } = await import("@/lib/db/pg-pool");
    const { getDb } = await import("@/lib/db/client");
    await closePgPool();
    await getDb().$disconnect();
  });
}
