import "server-only";
import { getPgPool } from "@/lib/db/pg-pool";
import type { Span } from "@/lib/detect/types";
import { loadCommentBatch, type ArticleTextCache, type StoredComment } from "./load-comment-batch";

// The one walk every backtest makes over the stored comments: keyset batches until the last comment
// or the budget, counting matches by the status moderators gave them and keeping a sample. What
// flags a batch is the caller's (the engine for ordinary rules, an endpoint for EXTERNAL ones).

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

/** A batch's first flag per comment (undefined: no match), or why flagging stopped partway. */
export type BatchFlags = { flags: Array<{ spans: Span[]; reason: string } | undefined> } | { stop: string };

const SAMPLE_SIZE = 10;
const SAMPLE_TEXT_LIMIT = 2_000;

export async function walkBacktest(
  options: BacktestOptions,
  defaults: { batchSize: number; timeBudgetMs: number },
  flagBatch: (batch: StoredComment[], isFirst: boolean) => Promise<BatchFlags>,
): Promise<BacktestResult> {
  const batchSize = options.batchSize ?? defaults.batchSize;
  const deadline = Date.now() + (options.timeBudgetMs ?? defaults.timeBudgetMs);
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
      if (batch.length === 0) break;
      const flagged = await flagBatch(batch, result.scanned === 0);
      if ("stop" in flagged) {
        result.stoppedEarly = true;
        result.endpointError = flagged.stop;
        break;
      }
      batch.forEach((comment, index) => {
        const flag = flagged.flags[index];
        if (flag === undefined) return;
        result.matched += 1;
        result.statuses[comment.status] += 1;
        if (result.sample.length < SAMPLE_SIZE) result.sample.push(sampleOf(comment, flag.spans, flag.reason));
      });
      result.scanned += batch.length;
      if (batch.length < batchSize) break;
      afterId = batch[batch.length - 1]!.id;
    }
  } finally {
    client.release();
  }
  return result;
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
