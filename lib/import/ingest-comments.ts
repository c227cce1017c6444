import "server-only";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { loadRuleEvaluator } from "@/lib/rules/load-rule-evaluator";
import { articleKeyFor } from "./content-hash";
import { parseTimestamp } from "./dates";
import { parsedCommentFromJson } from "./json-comment";
import { rulesInThread } from "./chunk-rules";
import { runImport } from "./run-import";
import { jsonCommentSchema } from "./schemas";
import type { IngestArticle, IngestBody } from "./schemas-ingest";
import type { ParseEvent } from "./types";
import { zodIssuesToProblems } from "./zod-problems";

// The HTTP ingest: the JSON import format from a request body, through the same runImport pipeline
// as files (rules, dedupe, batch row, audit), answered comment by comment.

export interface IngestCommentResult {
  /** Position of the comment in the request, counting across articles from 0. */
  index: number;
  id?: number;
  /** The comment's dedupe key (`<source>:id:<id>` or `<source>:hash:<sha256>`); null when it was rejected before one could be made. */
  key: string | null;
  status: "created" | "duplicate" | "rejected";
  reason?: string;
}

export interface IngestResult {
  batchId: number;
  created: number;
  duplicates: number;
  rejected: number;
  comments: IngestCommentResult[];
  /** What the caller should know though nothing was rejected (an article matched by its title alone); absent when none. */
  warnings?: string[];
}

function* articleEvents(article: IngestArticle, results: IngestCommentResult[]): Generator<ParseEvent> {
  const { id, url, title, body, publishedAt: publishedText } = article;
  const publishedAt = publishedText === undefined ? undefined : parseTimestamp(publishedText, { allowDateOnly: true, utcOffsetMinutes: 0 });
  const key = articleKeyFor({ externalId: id, url, title, publishedAt });
  yield { type: "article", line: 1, article: { key, title, ...(id ? { externalId: id } : {}), ...(url ? { url } : {}), ...(body ? { body } : {}), ...(publishedAt ? { publishedAt } : {}) } };
  for (const raw of article.comments) {
    const index = results.length;
    const claimedId = typeof (raw as { id?: unknown } | null)?.id === "string" ? (raw as { id: string }).id : undefined;
    const claimedSource = typeof (raw as { source?: unknown } | null)?.source === "string" ? (raw as { source: string }).source : "moddesk";
    const reject = (reason: string) => {
      results.push({ index, key: claimedId ? `${claimedSource}:id:${claimedId}` : null, status: "rejected", reason });
      return { type: "problem", problem: { line: index + 1, message: `comment ${index}: ${reason}` } } satisfies ParseEvent;
    };
    const parsed = jsonCommentSchema.safeParse(raw, { reportInput: true });
    if (!parsed.success) {
      yield reject(zodIssuesToProblems(parsed.error).map((issue) => issue.message).join("; "));
      continue;
    }
    const comment = parsedCommentFromJson(parsed.data, key, index, index + 1);
    if (!comment.ok) {
      yield reject(comment.message);
      continue;
    }
    results.push({ index, key: `${comment.comment.source}:${comment.comment.key}`, status: "created" });
    yield { type: "comment", comment: comment.comment };
  }
}

async function* ingestEvents(articles: IngestArticle[], results: IngestCommentResult[]): AsyncGenerator<ParseEvent> {
  for (const article of articles) yield* articleEvents(article, results);
}

export async function ingestComments(body: IngestBody, actor: AuditActor): Promise<IngestResult> {
  const articles = Array.isArray(body) ? body : [body];
  const results: IngestCommentResult[] = [];
  const rules = rulesInThread(await loadRuleEvaluator());
  const summary = await runImport({ events: ingestEvents(articles, results), format: "json", fileName: "POST /api/v1/comments", via: "api", actor, rules, collectAddedIds: true });
  const addedIds = summary.addedIds ?? new Map<string, number>();
  const claimed = new Set<string>();
  const duplicateKeys: string[] = [];
  const conflicts = summary.conflicts ?? new Map<string, number>();
  for (const result of results) {
    if (result.status === "rejected" || result.key === null) continue;
    const id = addedIds.get(result.key);
    const takenBy = conflicts.get(result.key);
    // The same comment twice in one request: the first is created, the second is its duplicate.
    if (id !== undefined && !claimed.has(result.key)) {
      claimed.add(result.key);
      result.id = id;
    } else if (takenBy !== undefined) {
      // The same id with other content: another comment, which the API must not call a duplicate.
      result.status = "rejected";
      result.reason = `a different comment with this id is already stored under the same source (comment #${takenBy}); give each sending system its own \`source\``;
    } else {
      result.status = "duplicate";
      duplicateKeys.push(result.key);
    }
  }
  if (duplicateKeys.length > 0) {
    const existing = await db.comment.findMany({ where: { dedupeKey: { in: duplicateKeys } }, select: { id: true, dedupeKey: true } });
    const idOf = new Map(existing.map((row) => [row.dedupeKey, row.id]));
    for (const result of results) if (result.status === "duplicate" && result.key) result.id = idOf.get(result.key);
  }
  const count = (status: IngestCommentResult["status"]) => results.filter((result) => result.status === status).length;
  const warnings = summary.warnings.map((warning) => warning.message);
  return { batchId: summary.batchId, created: count("created"), duplicates: count("duplicate"), rejected: count("rejected"), comments: results, ...(warnings.length > 0 ? { warnings } : {}) };
}
