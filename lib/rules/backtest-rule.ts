import "server-only";
import { getPgPool } from "@/lib/db/pg-pool";
import { AppError } from "@/lib/errors";
import { compileRules } from "@/lib/detect/compile-rules";
import { RuleCompileError } from "@/lib/detect/compiled-rule";
import { evaluateComment } from "@/lib/detect/evaluate-comment";
import { backtestExternal } from "@/lib/external-classifier/backtest-external";
import { loadCommentBatch, type ArticleTextCache, type StoredComment } from "./load-comment-batch";
import type { RuleDraft } from "./rule-draft-schema";
import type { Span } from "@/lib/detect/types";

export interface BacktestSample {
  commentId: number;
  authorName: string | null;
  status: StoredComment["status"];
  /** The comment as text (possibly cut at SAMPLE_TEXT_LIMIT); spans index into it. */
  text: string;
  spans: Span[];
  reason: string;
}

export interface BacktestResult {
  scanned: number;
  total: number;
  matched: number;
  /** True when the time (or batch) budget ran out before the last comment. */
  stoppedEarly: boolean;
  /** How moderators have decided the matching comments so far. */
  statuses: Record<StoredComment["status"], number>;
  sample: BacktestSample[];
  /** EXTERNAL drafts: why the endpoint stopped answering partway (the figures cover what it scored). */
  endpointError?: string;
}

export interface BacktestOptions {
  batchSize?: number;
  /** Wall-clock budget: a backtest answers a person waiting on the form. */
  timeBudgetMs?: number;
  maxBatches?: number;
}

const SAMPLE_SIZE = 10;
const SAMPLE_TEXT_LIMIT = 2_000;

/** What a draft rule would match among the stored comments, newest rules untouched; writes nothing. */
export async function backtestRule(draft: RuleDraft, options: BacktestOptions = {}, ruleId?: number): Promise<BacktestResult> {
  // The engine never runs an EXTERNAL rule: its endpoint scores the comments, in batches.
  if (draft.kind === "EXTERNAL") return backtestExternal(draft, ruleId, options);
  const set = compileDraft(draft);
  const batchSize = options.batchSize ?? 2_000;
  const deadline = Date.now() + (options.timeBudgetMs ?? 5_000);
  const maxBatches = options.maxBatches ?? Number.POSITIVE_INFINITY;
  const result: BacktestResult = { scanned: 0, total: 0, matched: 0, stoppedEarly: false, statuses: { PENDING: 0, APPROVED: 0, HIDDEN: 0 }, sample: [] };
  const articles: ArticleTextCache = new Map();
  const client = await getPgPool().connect();
  try {
    result.total = Number((await client.query<{ count: string }>(`SELECT count(*) FROM comment`)).rows[0]?.count ?? 0);
    let afterId = 0;
    for (let batches = 0; ; batches += 1) {
      if (batches >= maxBatches || Date.now() > deadline) {
        result.stoppedEarly = true;
        break;
      }
      const batch = await loadCommentBatch(client, { afterId, limit: batchSize, articles });
      for (const comment of batch) {
        const flag = evaluateComment(set, comment.context)[0];
        if (flag === undefined) continue;
        result.matched += 1;
        result.statuses[comment.status] += 1;
        if (result.sample.length < SAMPLE_SIZE) result.sample.push(sampleOf(comment, flag.spans, flag.reason));
      }
      result.scanned += batch.length;
      if (batch.length < batchSize) break;
      afterId = batch[batch.length - 1]!.id;
    }
  } finally {
    client.release();
  }
  return result;
}

function compileDraft(draft: RuleDraft) {
  try {
    return compileRules([{ ...draft, id: "draft", version: 0, enabled: true }]);
  } catch (error) {
    if (error instanceof RuleCompileError) throw new AppError("INVALID", error.detail);
    throw error;
  }
}

function sampleOf(comment: StoredComment, spans: Span[], reason: string): BacktestSample {
  const text = comment.context.body.slice(0, SAMPLE_TEXT_LIMIT);
  return {
    commentId: comment.id,
    authorName: comment.authorName,
    status: comment.status,
    text,
    spans: spans.filter(([start]) => start < text.length).map(([start, end]) => [start, Math.min(end, text.length)] as Span),
    reason,
  };
}
