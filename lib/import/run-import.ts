import "server-only";
import type { PoolClient } from "pg";
import { getDirectPgPool, getPgPool } from "@/lib/db/pg-pool";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import type { CommentContext } from "@/lib/detect/types";
import type { ChunkRules } from "./chunk-rules";
import { finishImportBatch, startImportBatch, type ImportVia } from "./import-batch";
import { ImportProblemLog } from "./import-problem-log";
import { recordImportProblems } from "./import-problems";
import { matchArticlesByTitle } from "./match-articles-by-title";
import { articleFieldProblem, commentFieldProblem } from "./field-limits";
import { articleWithoutNul, nulWarning } from "./nul-warning";
import { applyFlags, RuleContexts, stageComment } from "./stage-comment";
import type { ParseEvent, ParsedArticle, ParseProblem } from "./types";
import { insertArticles, writeCommentChunk, type StagedComment } from "./write-comment-chunk";

// The one pipeline every comment enters by: parse events in, comments flagged and written chunk by
// chunk (each chunk one transaction: new articles, comments, flags and auto-hide decisions together,
// so no comment is ever visible without its flags). Three chunks can be under way at once: one
// parsed, one flagged (on a worker thread for bulk loads, chunk-rules.ts) and one written, so the
// parser, the rules and Postgres work at the same time.

export interface ImportRequest {
  events: AsyncIterable<ParseEvent>;
  format: string;
  fileName: string;
  via: ImportVia;
  actor: AuditActor;
  /** Flags comments with the rules in force, a chunk at a time; loaded once per import. */
  rules: ChunkRules;
  onProgress?: (progress: ImportProgress) => void;
  /** Keep dedupe key → id of every comment added (the ingest API answers per comment). */
  collectAddedIds?: boolean;
  /** Filled with milliseconds per stage when given (the bench reads it). */
  timings?: ImportTimings;
  /**
   * Connections writing chunks at once (default 1). Bulk loads from the CLI use 2, so that
   * PostgreSQL works on both cores (write-chunks-in-parallel is explained at WRITERS below).
   */
  writers?: 1 | 2;
}

export interface ImportTimings {
  totalMs: number;
  rulesMs: number;
  /** Database time per chunk, summed (overlaps with parsing and rules). */
  writeMs: number;
  /** Time the parser stood still waiting for the previous chunk's write. */
  waitMs: number;
}

export interface ImportProgress {
  seen: number;
  added: number;
  duplicates: number;
  rejected: number;
}

export interface ImportSummary extends ImportProgress {
  batchId: number;
  articles: number;
  /** The first rejected rows (SUMMARY_PROBLEMS); `rejected` counts them all, and import_problem holds every one. */
  problems: ParseProblem[];
  /** The first KEPT_WARNINGS warnings; warningCount counts them all. */
  warnings: ParseProblem[];
  warningCount: number;
  /** Present when collectAddedIds was asked for. */
  addedIds?: Map<string, number>;
  /** Present when collectAddedIds was asked for: dedupe key → id of the different comment stored under it. */
  conflicts?: Map<string, number>;
}

/** An id seen again with other content is another comment claiming it, never a duplicate to skip in silence. */
function keyConflictProblem(comment: StagedComment, existingId: number): ParseProblem {
  const which = comment.externalId === null ? "this comment" : `comment ${comment.externalId}`;
  return {
    line: comment.line,
    field: "id",
    message: `${which}: a different comment with the same id from '${comment.source}' is already stored (comment #${existingId}); the stored one was kept and this one was not imported. If two systems send the same ids, give each its own source`,
  };
}

/** Comments per chunk: one transaction each, so an interrupted import leaves whole chunks only. */
export const CHUNK_SIZE = 10_000;
/** Warnings an import keeps to show (summary, upload page, CLI); the batch's audit event counts them all. */
export const KEPT_WARNINGS = 1_000;
const MAX_ATTEMPTS = 3;

export async function runImport(request: ImportRequest): Promise<ImportSummary> {
  const started = performance.now();
  const client = await getDirectPgPool().connect();
  let batchId: number;
  try {
    batchId = await startImportBatch(client, request);
  } catch (error) {
    client.release();
    throw error;
  }
  // Rejected rows go to import_problem as they come (import-problem-log.ts); the summary keeps the first.
  const problemLog = new ImportProblemLog((problems) => recordImportProblems(getPgPool().query.bind(getPgPool()), batchId, problems));
  const summary: ImportSummary = { batchId, articles: 0, seen: 0, added: 0, duplicates: 0, rejected: 0, problems: problemLog.first, warnings: [], warningCount: 0, ...(request.collectAddedIds ? { addedIds: new Map(), conflicts: new Map() } : {}) };
  // A file with a warning on every line (a NUL in each body) must not grow the process: the first
  // ones are kept to show, the rest counted.
  const warn = (warning: ParseProblem) => {
    summary.warningCount += 1;
    if (summary.warnings.length < KEPT_WARNINGS) summary.warnings.push(warning);
  };
  const timings = request.timings;
  const articleTexts = new Map<string, string>();
  const articleLines = new Map<string, number>();
  // Title-only articles of this file taken to be a stored article (match-articles-by-title.ts).
  const articleAliases = new Map<string, string>();
  // Articles that cannot be stored (field-limits.ts): key → why, said again on each of their comments.
  const refusedArticles = new Map<string, string>();
  const contexts = new RuleContexts();
  let newArticles: ParsedArticle[] = [];
  let chunk: StagedComment[] = [];
  let contextsOfChunk: CommentContext[] = [];
  // WRITERS. With one connection, a chunk's articles and comments are one transaction, and each
  // chunk's write waits for the previous one's. With two, chunk n is written on connection n % 2
  // while chunk n+1 is written on the other, so PostgreSQL uses two cores. What the code relied on
  // the order for, and how it holds with two:
  // - a comment's article must be stored before the comment: each chunk's new articles are
  //   committed first, in a short transaction of their own, in file order (lastArticles), and a
  //   chunk's comments are written only once every earlier chunk's articles are committed;
  // - a reply and its parent in two chunks written at once: linkParents takes its lock after the
  //   rows are written, so whichever chunk takes it second sees the other's committed rows and
  //   links them (as two imports running at once always did);
  // - a key in both chunks: the unique index makes the second writer wait for the first's commit,
  //   then count it a duplicate;
  // - exactly once after SIGKILL: each chunk is still one transaction with its flags; a re-run adds
  //   whatever chunks did not commit, whichever they were.
  // Ids still follow the file's order within a chunk, not across two chunks written at once.
  const writers: PoolClient[] = [client];
  const writerCount = request.writers ?? 1;
  const lastOnWriter: Promise<void>[] = [Promise.resolve()];
  let lastArticles: Promise<void> = Promise.resolve();
  let chunkNumber = 0;
  const inFlight: Promise<void>[] = [];

  const writerFor = async (slot: number): Promise<PoolClient> => {
    while (writers.length <= slot) writers.push(await getDirectPgPool().connect());
    return writers[slot] as PoolClient;
  };

  // A chunk need not wait for its WAL to reach disk: if the server crashes, the batch shows up
  // INTERRUPTED and a re-import is idempotent. finishImportBatch commits synchronously, and WAL
  // is flushed in order, so an import reported complete is durable in full.
  const storeArticles = async (writer: PoolClient, staged: StagedComment[], articles: ParsedArticle[]) => {
    await writer.query("SET LOCAL synchronous_commit = off");
    const byTitle = await matchArticlesByTitle(writer, articles);
    await insertArticles(writer, articles.filter((article) => !byTitle.matched.has(article.key)));
    for (const [key, existing] of byTitle.matched) articleAliases.set(key, existing.key);
    for (const comment of staged) comment.articleKey = articleAliases.get(comment.articleKey) ?? comment.articleKey;
    return byTitle;
  };

  const write = async (writer: PoolClient, staged: StagedComment[], articles: ParsedArticle[], articlesBefore: Promise<void>, articlesStored: () => void) => {
    const writeStarted = performance.now();
    let byTitle: Awaited<ReturnType<typeof matchArticlesByTitle>>;
    let result: Awaited<ReturnType<typeof writeCommentChunk>>;
    await articlesBefore;
    if (writerCount === 1) {
      ({ byTitle, result } = await inTransaction(writer, async () => {
        const matched = await storeArticles(writer, staged, articles);
        return { byTitle: matched, result: await writeCommentChunk(writer, batchId, staged) };
      }));
      articlesStored();
    } else {
      byTitle = await inTransaction(writer, () => storeArticles(writer, staged, articles));
      articlesStored();
      result = await inTransaction(writer, async () => {
        await writer.query("SET LOCAL synchronous_commit = off");
        return writeCommentChunk(writer, batchId, staged);
      });
    }
    const { newIds, conflicts } = result;
    for (const [key, existing] of byTitle.matched) {
      warn({ line: articleLines.get(key) ?? 1, field: "article", message: `the article is named by its title alone, which matched the existing article '${existing.title}' (#${existing.id}): its comments were added to that article. Give the article's id or url to tell articles apart` });
    }
    for (const [key, count] of byTitle.ambiguous) {
      const title = articles.find((article) => article.key === key)?.title ?? "";
      warn({ line: articleLines.get(key) ?? 1, field: "article", message: `the article is named by its title alone, and ${count} existing articles are titled '${title}': a new article was made. Give the article's id or url to load into one of them` });
    }
    if (timings) timings.writeMs += performance.now() - writeStarted;
    if (summary.addedIds) for (const [key, id] of newIds) summary.addedIds.set(key, id);
    summary.added += newIds.size;
    summary.duplicates += staged.length - newIds.size - conflicts.length;
    summary.rejected += conflicts.length;
    for (const { comment, existingId } of conflicts) {
      void problemLog.add(keyConflictProblem(comment, existingId));
      summary.conflicts?.set(comment.dedupeKey, existingId);
    }
    request.onProgress?.({ seen: summary.seen, added: summary.added, duplicates: summary.duplicates, rejected: summary.rejected });
  };
  const flush = async () => {
    const waitStarted = performance.now();
    // Chunks flagged or written at once, behind the parser: what bounds the import's memory.
    while (inFlight.length > writerCount) await inFlight.shift();
    if (timings) timings.waitMs += performance.now() - waitStarted;
    const staged = chunk;
    const articles = newArticles;
    const flagged = request.rules.evaluate(contextsOfChunk);
    const slot = chunkNumber++ % writerCount;
    const previousOnWriter = lastOnWriter[slot] ?? Promise.resolve();
    const articlesBefore = lastArticles;
    let articlesStored!: () => void;
    let articlesFailed!: (error: unknown) => void;
    const articlesDone = new Promise<void>((resolve, reject) => {
      articlesStored = resolve;
      articlesFailed = reject;
    });
    articlesDone.catch(() => {});
    const pending = (async () => {
      try {
        const { flags, ms } = await flagged;
        if (timings) timings.rulesMs += ms;
        staged.forEach((comment, index) => applyFlags(comment, flags[index] ?? []));
        await previousOnWriter;
        await write(await writerFor(slot), staged, articles, articlesBefore, articlesStored);
      } catch (error) {
        articlesFailed(error);
        throw error;
      }
    })();
    // Awaited by a later flush or at the end; a failure surfaces there, never as an unhandled rejection.
    pending.catch(() => {});
    lastOnWriter[slot] = pending;
    lastArticles = articlesDone;
    inFlight.push(pending);
    chunk = [];
    contextsOfChunk = [];
    newArticles = [];
  };

  try {
    for await (const event of request.events) {
      if (event.type === "comment") {
        summary.seen += 1;
        const comment = event.comment;
        const refusal = refusedArticles.get(comment.articleKey);
        const fieldProblem = refusal === undefined ? commentFieldProblem(comment) : { field: "article", message: refusal };
        if (fieldProblem) {
          summary.rejected += 1;
          await problemLog.add({ line: comment.line, ...fieldProblem });
          continue;
        }
        const articleText = articleTexts.get(comment.articleKey);
        if (articleText === undefined) {
          summary.rejected += 1;
          await problemLog.add({ line: comment.line, field: "article", message: `comment refers to article '${comment.articleKey}', which the file does not define` });
          continue;
        }
        const nul = nulWarning(comment);
        if (nul) warn(nul);
        const staged = stageComment(comment, comment.articleKey);
        contextsOfChunk.push(contexts.contextFor(staged, articleText));
        chunk.push(staged);
        if (chunk.length >= CHUNK_SIZE) await flush();
      } else if (event.type === "article") {
        const problem = articleFieldProblem(event.article);
        if (problem) {
          // Listed once here; each of its comments is counted as rejected with the reason.
          if (!refusedArticles.has(event.article.key)) await problemLog.add({ line: event.line, ...problem });
          refusedArticles.set(event.article.key, `its article (line ${event.line}) was not imported: ${problem.message}`);
          continue;
        }
        const { article, warning } = articleWithoutNul(event.article, event.line);
        if (warning) warn(warning);
        if (!articleTexts.has(article.key)) {
          summary.articles += 1;
          newArticles.push(article);
        }
        articleTexts.set(article.key, `${article.title}\n${article.body ?? ""}`);
        if (!articleLines.has(article.key)) articleLines.set(article.key, event.line);
      } else if (event.type === "problem") {
        if (!event.sameRow) summary.rejected += 1;
        await problemLog.add(event.problem);
      } else warn(event.warning);
    }
    if (chunk.length > 0 || newArticles.length > 0) await flush();
    for (const pending of inFlight.splice(0)) await pending;
    await problemLog.finish();
  } catch (error) {
    await Promise.allSettled(inFlight);
    await problemLog.finish().catch(() => {});
    await finish(client, summary, request, "FAILED").catch(() => {});
    client.release(true);
    for (const writer of writers.slice(1)) writer.release(true);
    throw error;
  }
  for (const writer of writers.slice(1)) writer.release();
  try {
    await finish(client, summary, request, "COMPLETED");
  } finally {
    client.release();
  }
  if (timings) timings.totalMs = performance.now() - started;
  return summary;
}

function finish(client: PoolClient, summary: ImportSummary, request: ImportRequest, status: "COMPLETED" | "FAILED"): Promise<void> {
  const counts = { articles: summary.articles, added: summary.added, duplicates: summary.duplicates, rejected: summary.rejected };
  return finishImportBatch(client, { id: summary.batchId, status, counts, problems: summary.problems, warnings: summary.warningCount }, request);
}

/** One chunk, one transaction; a deadlock with a concurrent import of overlapping data is retried. */
async function inTransaction<T>(client: PoolClient, work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    await client.query("BEGIN");
    try {
      const result = await work();
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      const code = (error as { code?: string }).code;
      if (attempt >= MAX_ATTEMPTS || (code !== "40P01" && code !== "40001")) throw error;
    }
  }
}
