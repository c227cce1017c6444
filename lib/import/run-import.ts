import "server-only";
import type { PoolClient } from "pg";
import { db } from "@/lib/db/client";
import { getPgPool } from "@/lib/db/pg-pool";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { CommentContext, FlagResult } from "@/lib/rules/types";
import type { ParseEvent, ParsedArticle, ParsedComment, ParseProblem } from "./types";
import { writeCommentChunk, type StagedComment } from "./write-comment-chunk";
import { flagOutcome } from "@/lib/rules/flag-outcome";
import { commentContentHash } from "./content-hash";

// The one pipeline every comment enters by: parse events in, articles upserted, comments flagged
// and written chunk by chunk (each chunk one transaction: comments, flags and auto-hide decisions
// together, so no comment is ever visible without its flags).

export interface ImportRequest {
  events: AsyncIterable<ParseEvent>;
  format: string;
  fileName: string;
  via: "cli" | "dashboard" | "api" | "demo";
  actor: AuditActor;
  /** Flags a comment with the rules in force; loaded once per import. */
  evaluate: (context: CommentContext) => FlagResult[];
  onProgress?: (progress: ImportProgress) => void;
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
  problems: ParseProblem[];
  warnings: ParseProblem[];
  /** Keys of the comments added, in file order (the ingest API answers per comment). */
  addedKeys: Set<string>;
}

const CHUNK_SIZE = 5_000;
const STORED_PROBLEMS = 1_000;
const PARENT_BODY_MEMORY = 20_000;

export async function runImport(request: ImportRequest): Promise<ImportSummary> {
  const batch = await db.importBatch.create({
    data: { format: request.format, fileName: request.fileName, via: request.via, startedById: request.actor.id },
    select: { id: true },
  });
  const summary: ImportSummary = { batchId: batch.id, articles: 0, seen: 0, added: 0, duplicates: 0, rejected: 0, problems: [], warnings: [], addedKeys: new Set() };
  const articles = new Map<string, { id: number; text: string }>();
  // Recent bodies by dedupe key, for off-topic checks against the parent; bounded on purpose.
  const recentBodies = new Map<string, string>();
  let chunk: StagedComment[] = [];
  const client = await getPgPool().connect();
  try {
    const flush = async () => {
      const staged = chunk;
      chunk = [];
      const newIds = await inTransaction(client, () => writeCommentChunk(client, batch.id, staged));
      for (const key of newIds.keys()) summary.addedKeys.add(key);
      summary.added += newIds.size;
      summary.duplicates += staged.length - newIds.size;
      request.onProgress?.({ seen: summary.seen, added: summary.added, duplicates: summary.duplicates, rejected: summary.rejected });
    };
    for await (const event of request.events) {
      if (event.type === "problem") {
        summary.rejected += 1;
        summary.problems.push(event.problem);
      } else if (event.type === "warning") {
        summary.warnings.push(event.warning);
      } else if (event.type === "article") {
        if (!articles.has(event.article.key)) summary.articles += 1;
        articles.set(event.article.key, await upsertArticle(client, event.article));
      } else {
        summary.seen += 1;
        const article = articles.get(event.comment.articleKey);
        if (!article) {
          summary.rejected += 1;
          summary.problems.push({ line: event.comment.line, field: "article", message: `comment refers to article '${event.comment.articleKey}', which the file does not define` });
          continue;
        }
        chunk.push(stageComment(event.comment, article, recentBodies, request.evaluate));
        if (chunk.length >= CHUNK_SIZE) await flush();
      }
    }
    if (chunk.length > 0) await flush();
  } catch (error) {
    await finishBatch(summary, request, "FAILED");
    throw error;
  } finally {
    client.release();
  }
  await finishBatch(summary, request, "COMPLETED");
  return summary;
}

async function inTransaction<T>(client: PoolClient, work: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    const result = await work();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

async function upsertArticle(client: PoolClient, article: ParsedArticle): Promise<{ id: number; text: string }> {
  // Keeps the first version of an article: a later file cannot silently rewrite what moderators saw.
  const result = await client.query<{ id: number }>(
    `INSERT INTO article (key, "externalId", url, title, body, "publishedAt")
     VALUES ($1, $2, $3, $4, $5, ($6::timestamptz AT TIME ZONE 'UTC'))
     ON CONFLICT (key) DO UPDATE SET key = EXCLUDED.key RETURNING id`,
    [article.key, article.externalId ?? null, article.url ?? null, article.title, article.body ?? null, article.publishedAt?.toISOString() ?? null],
  );
  return { id: result.rows[0]?.id ?? 0, text: `${article.title}\n${article.body ?? ""}` };
}

function stageComment(comment: ParsedComment, article: { id: number; text: string }, recentBodies: Map<string, string>, evaluate: ImportRequest["evaluate"]): StagedComment {
  const dedupeKey = `${comment.source}:${comment.key}`;
  const parentDedupeKey = comment.parentKey ? `${comment.source}:${comment.parentKey}` : null;
  const flags = evaluate({ body: comment.body, articleText: article.text, parentBody: parentDedupeKey ? recentBodies.get(parentDedupeKey) : undefined });
  recentBodies.set(dedupeKey, comment.body);
  if (recentBodies.size > PARENT_BODY_MEMORY) recentBodies.delete(recentBodies.keys().next().value ?? "");
  const status = comment.statusHint ?? "PENDING";
  const outcome = flagOutcome(flags);
  return {
    articleId: article.id,
    source: comment.source,
    externalId: comment.externalId ?? null,
    dedupeKey,
    contentHash: commentContentHash({ articleKey: comment.articleKey, authorName: comment.authorName, postedAt: comment.postedAt, body: comment.body }),
    parentDedupeKey,
    authorName: comment.authorName ?? null,
    authorExternalId: comment.authorExternalId ?? null,
    body: comment.body,
    postedAt: comment.postedAt,
    status,
    priority: outcome.priority,
    isHeld: outcome.isHeld,
    flags,
    autoHide: outcome.autoHide && status === "PENDING",
  };
}

async function finishBatch(summary: ImportSummary, request: ImportRequest, status: "COMPLETED" | "FAILED"): Promise<void> {
  const counts = { articles: summary.articles, added: summary.added, duplicates: summary.duplicates, rejected: summary.rejected };
  await db.$transaction(async (tx) => {
    await tx.importBatch.update({
      where: { id: summary.batchId },
      data: { ...counts, status, finishedAt: new Date(), problems: summary.problems.slice(0, STORED_PROBLEMS) as unknown as object[] },
    });
    await recordAuditEvent(tx, {
      actor: request.actor,
      action: status === "COMPLETED" ? "import.complete" : "import.fail",
      entityType: "import_batch",
      entityId: summary.batchId,
      details: { fileName: request.fileName, format: request.format, via: request.via, ...counts, warnings: summary.warnings.length },
    });
  });
}
