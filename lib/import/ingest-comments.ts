import "server-only";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { recordReportBatch } from "@/lib/reports/record-reader-reports";
import { readerReportListSchema, type ReaderReportInput } from "@/lib/reports/schemas";
import { loadRuleEvaluator } from "@/lib/rules/load-rule-evaluator";
import { articleKeyFor } from "./content-hash";
import { parseTimestamp } from "./dates";
import { commentFieldProblem } from "./field-limits";
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
  /** The comment's readers' reports, when it carried some: how many were new, and its total now. */
  reports?: { added: number; duplicates: number; reportCount: number };
}

/** Reports a comment carried, recorded once the comment rows are written (lib/reports). */
type PendingReports = Map<number, { source: string; reports: ReaderReportInput[] }>;

/** `reports` is the API's, not the import format's: taken off before the comment is checked. */
function splitReports(raw: unknown): { comment: unknown; reports: unknown } {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw) || !("reports" in raw)) return { comment: raw, reports: undefined };
  const { reports, ...comment } = raw as Record<string, unknown>;
  return { comment, reports };
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

function* articleEvents(article: IngestArticle, results: IngestCommentResult[], pending: PendingReports): Generator<ParseEvent> {
  const { id, url, title, body, publishedAt: publishedText } = article;
  const publishedAt = publishedText === undefined ? undefined : parseTimestamp(publishedText, { allowDateOnly: true, utcOffsetMinutes: 0 });
  const key = articleKeyFor({ externalId: id, url, title, publishedAt });
  yield { type: "article", line: 1, article: { key, title, ...(id ? { externalId: id } : {}), ...(url ? { url } : {}), ...(body ? { body } : {}), ...(publishedAt ? { publishedAt } : {}) } };
  for (const sent of article.comments) {
    const index = results.length;
    const { comment: raw, reports } = splitReports(sent);
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
    const checkedReports = reports === undefined ? null : readerReportListSchema.safeParse(reports, { reportInput: true });
    if (checkedReports && !checkedReports.success) {
      yield reject(zodIssuesToProblems(checkedReports.error, ["reports"]).map((issue) => issue.message).join("; "));
      continue;
    }
    const comment = parsedCommentFromJson(parsed.data, key, index, index + 1);
    if (!comment.ok) {
      yield reject(comment.message);
      continue;
    }
    // Refused here too (runImport would), so that the answer names the comment rather than calling it created.
    const tooBig = commentFieldProblem(comment.comment);
    if (tooBig) {
      yield reject(tooBig.message);
      continue;
    }
    if (checkedReports?.success) pending.set(index, { source: comment.comment.source, reports: checkedReports.data });
    results.push({ index, key: `${comment.comment.source}:${comment.comment.key}`, status: "created" });
    yield { type: "comment", comment: comment.comment };
  }
}

async function* ingestEvents(articles: IngestArticle[], results: IngestCommentResult[], pending: PendingReports): AsyncGenerator<ParseEvent> {
  for (const article of articles) yield* articleEvents(article, results, pending);
}

export async function ingestComments(body: IngestBody, actor: AuditActor): Promise<IngestResult> {
  const articles = Array.isArray(body) ? body : [body];
  const results: IngestCommentResult[] = [];
  const pending: PendingReports = new Map();
  const rules = rulesInThread(await loadRuleEvaluator());
  const summary = await runImport({ events: ingestEvents(articles, results, pending), format: "json", fileName: "POST /api/v1/comments", via: "api", actor, rules, collectAddedIds: true });
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
  await recordIngestReports(results, pending, summary.batchId, actor);
  const count = (status: IngestCommentResult["status"]) => results.filter((result) => result.status === status).length;
  const warnings = summary.warnings.map((warning) => warning.message);
  return { batchId: summary.batchId, created: count("created"), duplicates: count("duplicate"), rejected: count("rejected"), comments: results, ...(warnings.length > 0 ? { warnings } : {}) };
}

/** After the rows are written: each stored comment's reports, found by the id the import gave it; one audit event. */
async function recordIngestReports(results: IngestCommentResult[], pending: PendingReports, batchId: number, actor: AuditActor): Promise<void> {
  const entries = results.flatMap((result) => {
    const sent = pending.get(result.index);
    return sent && result.id !== undefined && result.status !== "rejected" ? [{ commentId: result.id, hashSource: sent.source, reports: sent.reports }] : [];
  });
  if (entries.length === 0) return;
  const recorded = await db.$transaction((tx) => recordReportBatch(tx, entries, { source: "api", actor, importBatchId: batchId }));
  const byId = new Map(recorded.map((row) => [row.commentId, row]));
  for (const result of results) {
    const row = result.id !== undefined && pending.has(result.index) ? byId.get(result.id) : undefined;
    if (row) result.reports = { added: row.added, duplicates: row.duplicates, reportCount: row.reportCount };
  }
}
