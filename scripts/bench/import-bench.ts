// Import throughput against its floor, on one scratch database in one run:
//  (a) floor: raw COPY of N prepared rows into a copy of the comment table (same indexes), and
//      into an unindexed staging table;
//  (b) Moddesk's full import of the same N comments from a generated JSONL file: parse, validate,
//      dedupe, default rule pack, flags, parent links, batch row and audit event.
// Target (issue #17): 1,000,000 comments at >= 50,000/s, and within 6x of a COPY of the same rows
// into a bare (unindexed) table in the same run.
// Run: node bin/run-ts.mjs scripts/bench/import-bench.ts [--quick]   (DATABASE_URL or an embedded server)
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { pathToFileURL } from "node:url";
import { createInterface } from "node:readline";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { pgConfigFromUrl, withDatabase } from "@/lib/db/connection-url";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { copyRow } from "@/lib/import/copy-format";
import type { ImportTimings } from "@/lib/import/run-import";
import { benchComments, writeBenchJsonl } from "./import-bench-data";
import { postmasterPid, serverCpu, serverCpuSeconds } from "./server-cpu";

const TARGET_PER_SECOND = 50_000;
const MAX_RATIO_TO_BARE_COPY = 6;
const COLUMNS = `"articleId", source, "externalId", "dedupeKey", "contentHash", "parentDedupeKey", "authorName", "authorExternalId", body, "postedAt", status, priority, "isHeld"`;

function preparedRows(count: number): string[] {
  const batches: string[] = [];
  let text = "";
  let rows = 0;
  for (const c of benchComments(count)) {
    const article = Number(c.articleId.slice(6));
    text += copyRow([article, "moddesk", c.id, `moddesk:id:${c.id}`, randomBytes(32).toString("hex"), c.parentId ? `moddesk:id:${c.parentId}` : null, c.author, null, c.body, c.postedAt, "PENDING", 0, false]);
    if (++rows % 500 === 0) {
      batches.push(text);
      text = "";
    }
  }
  if (text) batches.push(text);
  return batches;
}

async function timedCopy(client: pg.Client, table: string, batches: string[]): Promise<number> {
  const started = performance.now();
  await pipeline(Readable.from(batches), client.query(copyFrom(`COPY ${table} (${COLUMNS}) FROM STDIN`)));
  return (performance.now() - started) / 1000;
}

/** The first `lines` lines of a JSONL file, as a file of their own (a re-import sample). */
async function writeLinePrefix(source: string, target: string, lines: number): Promise<void> {
  const out = createWriteStream(target);
  let written = 0;
  for await (const line of createInterface({ input: createReadStream(source), crlfDelay: Infinity })) {
    if (!out.write(`${line}\n`)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    written += 1;
    if (written === lines) break;
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

interface Floors {
  indexedSeconds: number;
  stagingSeconds: number;
  /** PostgreSQL's CPU seconds for the COPY into a logged table with only the two unique indexes (null off this machine). */
  keysOnlyCpuSeconds: number | null;
  /** PostgreSQL's CPU seconds to build comment's secondary indexes once over the same rows (null off this machine). */
  indexBuildCpuSeconds: number | null;
}

/**
 * comment's secondary indexes (not those behind a unique key) as statements on another table: what
 * a design that loads a large batch into a partition of its own would build after the load.
 */
async function secondaryIndexStatements(client: pg.Client, table: string): Promise<string[]> {
  const result = await client.query<{ definition: string }>(
    `SELECT indexdef AS definition FROM pg_indexes
      WHERE schemaname = current_schema() AND tablename = 'comment' AND indexdef NOT LIKE 'CREATE UNIQUE%'`,
  );
  return result.rows.map(({ definition }, n) => definition.replace(/^CREATE INDEX \S+ ON \S+/, `CREATE INDEX bench_built_${n} ON ${table}`));
}

async function measureFloor(url: string, count: number): Promise<Floors> {
  const batches = preparedRows(count);
  const client = new pg.Client(pgConfigFromUrl(url));
  await client.connect();
  try {
    // What no loader can skip: a durable (logged) row and the two unique keys an idempotent import
    // needs (the id, the dedupe key). No secondary index, trigger or foreign key: as if all of them
    // were built later at no cost. Its CPU plus Node's bounds any design on this machine.
    await client.query(`CREATE TABLE bench_comment_keys (LIKE comment INCLUDING DEFAULTS)`);
    await client.query(`ALTER TABLE bench_comment_keys ADD PRIMARY KEY (id)`);
    await client.query(`CREATE UNIQUE INDEX ON bench_comment_keys ("dedupeKey")`);
    // Same columns, defaults, indexes and search-vector trigger as comment (LIKE copies neither
    // foreign keys, which COPY does not check here, nor triggers, so the trigger is added back).
    await client.query(`CREATE TABLE bench_comment_copy (LIKE comment INCLUDING ALL)`);
    await client.query(`CREATE TRIGGER bench_search_vector BEFORE INSERT ON bench_comment_copy FOR EACH ROW EXECUTE FUNCTION "comment_search_vector_refresh"()`);
    // The import commits its chunks with synchronous_commit off (lib/import/run-import.ts): the floor too.
    await client.query(`SET synchronous_commit = off`);
    await client.query(`CREATE UNLOGGED TABLE bench_staging AS SELECT ${COLUMNS} FROM comment WITH NO DATA`);
    const stagingSeconds = await timedCopy(client, "bench_staging", batches);
    const indexedSeconds = await timedCopy(client, "bench_comment_copy", batches);
    await client.query(`CHECKPOINT`);
    const postmaster = await postmasterPid(client);
    const before = serverCpu(postmaster);
    await timedCopy(client, "bench_comment_keys", batches);
    // Its WAL is written by the checkpoint too: counted, as the import's own checkpoints are.
    await client.query(`CHECKPOINT`);
    const keysOnlyCpuSeconds = serverCpuSeconds(before, serverCpu(postmaster));
    // The same rows with their search vectors (made by the trigger above), indexed once after the
    // load as a partition of their own would be: every secondary index of comment, built in one go.
    await client.query(`CREATE TABLE bench_comment_built AS SELECT * FROM bench_comment_copy`);
    await client.query(`SET maintenance_work_mem = '256MB'`);
    await client.query(`CHECKPOINT`);
    const beforeBuild = serverCpu(postmaster);
    for (const statement of await secondaryIndexStatements(client, "bench_comment_built")) await client.query(statement);
    await client.query(`CHECKPOINT`);
    const indexBuildCpuSeconds = serverCpuSeconds(beforeBuild, serverCpu(postmaster));
    await client.query(`DROP TABLE bench_comment_copy; DROP TABLE bench_staging; DROP TABLE bench_comment_keys; DROP TABLE bench_comment_built`);
    await client.query(`CHECKPOINT`);
    return { indexedSeconds, stagingSeconds, keysOnlyCpuSeconds, indexBuildCpuSeconds };
  } finally {
    await client.end();
  }
}

export async function runImportBench(opts: { quick: boolean; databaseUrl: string }): Promise<{ name: string; lines: string[]; figures: Record<string, number> }> {
  const count = opts.quick ? 50_000 : 1_000_000;
  // The runner gives this bench a fresh database of its own: it receives a million comments.
  const url = opts.databaseUrl;
  const dir = mkdtempSync(path.join(os.tmpdir(), "moddesk-import-bench-"));
  try {
    await applyPendingMigrations(url);
    // The pipeline reads DATABASE_URL when its pools are first made.
    process.env.DATABASE_URL = url;
    const { installDefaultRulePack } = await import("@/lib/rules/install-default-pack");
    const { importFile } = await import("@/lib/import/import-file");
    const { startRulesWorker } = await import("@/lib/import/rules-worker-thread");
    await installDefaultRulePack(SYSTEM_ACTOR);
    const file = path.join(dir, "bench.jsonl");
    const corpus = await writeBenchJsonl(file, count);

    const floor = await measureFloor(url, count);
    const timings: ImportTimings = { totalMs: 0, rulesMs: 0, writeMs: 0, waitMs: 0 };
    // CPU seconds do not depend on what else the shared machine is doing: the figures to compare.
    const probe = new pg.Client(pgConfigFromUrl(url));
    await probe.connect();
    const postmaster = await postmasterPid(probe);
    await probe.end();
    const serverBefore = serverCpu(postmaster);
    const nodeBefore = process.cpuUsage();
    // As the CLI runs a file this size (scripts/cli/import-commands.ts): rules on a worker thread.
    const summary = await importFile({ filePath: file, format: "jsonl", via: "cli", actor: { ...SYSTEM_ACTOR, label: "bench" }, timings, startRules: startRulesWorker });
    const nodeCpu = process.cpuUsage(nodeBefore);
    const databaseCpuSeconds = serverCpuSeconds(serverBefore, serverCpu(postmaster));
    if (summary.added !== count || summary.rejected !== 0) throw new Error(`bench import added ${summary.added} of ${count} (${summary.rejected} rejected)`);
    // Idempotence is measured on a fifth of the file: the rate is the same and the bench stays
    // within its ten minutes.
    const reimportCount = Math.round(count / 5);
    const reimportFile = path.join(dir, "bench-prefix.jsonl");
    await writeLinePrefix(file, reimportFile, reimportCount);
    const reimportStarted = performance.now();
    const reimport = await importFile({ filePath: reimportFile, format: "jsonl", via: "cli", actor: { ...SYSTEM_ACTOR, label: "bench" }, startRules: startRulesWorker });
    const reimportSeconds = (performance.now() - reimportStarted) / 1000;
    if (reimport.added !== 0) throw new Error(`re-import added ${reimport.added}`);

    const check = new pg.Client(pgConfigFromUrl(url));
    await check.connect();
    const linked = await check.query<{ n: string }>(`SELECT count(*) AS n FROM comment WHERE "parentId" IS NOT NULL`);
    const flagged = await check.query<{ n: string }>(`SELECT count(DISTINCT "commentId") AS n FROM flag`);
    await check.end();

    const importSeconds = timings.totalMs / 1000;
    const figures = {
      comments: count,
      articles: corpus.articles,
      replies: corpus.replies,
      fileMB: round(corpus.bytes / 1048576),
      copyIndexedPerSec: Math.round(count / floor.indexedSeconds),
      copyStagingPerSec: Math.round(count / floor.stagingSeconds),
      importPerSec: Math.round(count / importSeconds),
      importSeconds: round(importSeconds),
      rulesSeconds: round(timings.rulesMs / 1000),
      writeSeconds: round(timings.writeMs / 1000),
      waitSeconds: round(timings.waitMs / 1000),
      databaseCpuSeconds: databaseCpuSeconds === null ? -1 : round(databaseCpuSeconds),
      nodeCpuSeconds: round((nodeCpu.user + nodeCpu.system) / 1e6),
      keysOnlyCpuSeconds: floor.keysOnlyCpuSeconds === null ? -1 : round(floor.keysOnlyCpuSeconds),
      indexBuildCpuSeconds: floor.indexBuildCpuSeconds === null ? -1 : round(floor.indexBuildCpuSeconds),
      reimportComments: reimportCount,
      reimportPerSec: Math.round(reimportCount / reimportSeconds),
      ratioToCopy: 0,
      linkedReplies: Number(linked.rows[0]?.n ?? 0),
      flaggedComments: Number(flagged.rows[0]?.n ?? 0),
    };
    // The floor is the bare COPY: what PostgreSQL itself needs to take the rows in.
    figures.ratioToCopy = round(figures.copyStagingPerSec / figures.importPerSec);
    const ratioToIndexedCopy = round(figures.copyIndexedPerSec / figures.importPerSec);
    const lines = [
      `corpus: ${count.toLocaleString("en-US")} comments (${figures.fileMB} MB JSONL), ${corpus.articles.toLocaleString("en-US")} articles, ${corpus.replies.toLocaleString("en-US")} replies; default rule pack`,
      `floor:  COPY of the same ${count.toLocaleString("en-US")} rows into a copy of comment (same indexes) ${figures.copyIndexedPerSec.toLocaleString("en-US")}/s; into an unindexed, unlogged table (the bare table) ${figures.copyStagingPerSec.toLocaleString("en-US")}/s (one run each; synchronous_commit off, as the import's chunks)`,
      `import: ${figures.importPerSec.toLocaleString("en-US")} comments/s over the ${count.toLocaleString("en-US")} (one run, ${figures.importSeconds} s: rules ${figures.rulesSeconds} s, database ${figures.writeSeconds} s overlapped, parser waited ${figures.waitSeconds} s)`,
      `cpu:    PostgreSQL ${databaseCpuSeconds === null ? "? (server not on this machine)" : `${figures.databaseCpuSeconds} s`}, Node ${figures.nodeCpuSeconds} s (every thread: parse, rules worker, COPY rows) for the ${count.toLocaleString("en-US")} comments; the machine's cores: ${os.cpus().length}`,
      ceilingLine(figures.databaseCpuSeconds, figures.nodeCpuSeconds, count),
      keysOnlyLine(floor.keysOnlyCpuSeconds, figures.nodeCpuSeconds, count),
      builtAfterLine(floor, figures.nodeCpuSeconds, count),
      `ratio:  ${figures.ratioToCopy}x slower than the COPY into a bare table (target <= ${MAX_RATIO_TO_BARE_COPY}x: ${figures.ratioToCopy <= MAX_RATIO_TO_BARE_COPY ? "ok" : "MISSED"}); the COPY into the indexed copy ÷ the import, rows/s: ${ratioToIndexedCopy}x (below 1: the import is faster); target ${TARGET_PER_SECOND.toLocaleString("en-US")}/s for ${count.toLocaleString("en-US")} comments: ${figures.importPerSec >= TARGET_PER_SECOND ? "ok" : "MISSED"}`,
      `re-import of the file's first ${reimportCount.toLocaleString("en-US")} lines (all duplicates): ${figures.reimportPerSec.toLocaleString("en-US")}/s; ${figures.linkedReplies.toLocaleString("en-US")} replies linked, ${figures.flaggedComments.toLocaleString("en-US")} comments flagged`,
    ];
    return { name: "import", lines, figures };
  } finally {
    const { closePgPool } = await import("@/lib/db/pg-pool");
    const { getDb } = await import("@/lib/db/client");
    await closePgPool();
    await getDb().$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What the CPU the import cost allows on this machine whatever the scheduling: its CPU seconds
 * (PostgreSQL + Node) spread over every core, and Node's alone (the rate with a database that
 * cost nothing). Either below the target means no overlap of the stages can reach it.
 */
function ceilingLine(databaseCpuSeconds: number, nodeCpuSeconds: number, count: number): string {
  const cores = os.cpus().length;
  const perSecond = (cpuSeconds: number) => Math.round(count / (cpuSeconds / cores)).toLocaleString("en-US");
  const total = databaseCpuSeconds < 0 ? "?" : perSecond(databaseCpuSeconds + nodeCpuSeconds);
  return `ceiling: at most ${total}/s with this CPU on ${cores} cores busy all the time; ${perSecond(nodeCpuSeconds)}/s if the database cost nothing (Node's CPU alone)`;
}

/** The best any design could do: PostgreSQL's part cut to a logged row and its two unique keys, Node's as measured. */
function keysOnlyLine(keysOnlyCpuSeconds: number | null, nodeCpuSeconds: number, count: number): string {
  if (keysOnlyCpuSeconds === null) return "bound:  ? (server not on this machine)";
  const cores = os.cpus().length;
  const best = Math.round(count / ((keysOnlyCpuSeconds + nodeCpuSeconds) / cores));
  return `bound:  at most ${best.toLocaleString("en-US")}/s even if every secondary index, trigger and foreign key cost nothing during the load: the COPY into a logged table with only the primary and dedupe keys cost PostgreSQL ${round(keysOnlyCpuSeconds)} CPU s, plus Node's ${round(nodeCpuSeconds)} s, over ${cores} cores`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { startEmbeddedPostgres } = await import("@/lib/db/embedded-postgres");
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "moddesk-bench-pg-"));
  const server = await startEmbeddedPostgres({ baseDir: dataDir });
  try {
    const admin = new pg.Client(pgConfigFromUrl(server.url));
    await admin.connect();
    await admin.query(`CREATE DATABASE moddesk_bench_import`);
    await admin.end();
    const result = await runImportBench({ quick: process.argv.includes("--quick"), databaseUrl: withDatabase(server.url, "moddesk_bench_import") });
    for (const line of result.lines) console.log(line);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * A partitioned comment, where a large batch is loaded into a partition of its own and indexed
 * after: the keys-only COPY plus one build of every secondary index, plus Node's CPU. Still left
 * out (so this is a bound, not an estimate): foreign-key checks, the flags, the tab and Insights
 * figures, attaching the partition.
 */
function builtAfterLine(floor: Floors, nodeCpuSeconds: number, count: number): string {
  if (floor.keysOnlyCpuSeconds === null || floor.indexBuildCpuSeconds === null) return "built after: ? (server not on this machine)";
  const cores = os.cpus().length;
  const databaseCpuSeconds = floor.keysOnlyCpuSeconds + floor.indexBuildCpuSeconds;
  const best = Math.round(count / ((databaseCpuSeconds + nodeCpuSeconds) / cores));
  return `built after: at most ${best.toLocaleString("en-US")}/s if each large batch went into a partition of its own and was indexed after its load: that COPY's ${round(floor.keysOnlyCpuSeconds)} CPU s plus ${round(floor.indexBuildCpuSeconds)} s to build comment's secondary indexes once over the same rows, plus Node's ${round(nodeCpuSeconds)} s, over ${cores} cores (foreign keys, flags, tab and Insights figures not counted)`;
}
