import "server-only";
import { getPgPool } from "@/lib/db/pg-pool";
import { EXTERNAL_BATCH_SIZE } from "@/lib/detect/external-answer";
import { AppError } from "@/lib/errors";
import type { BacktestOptions, BacktestResult, BacktestSample } from "@/lib/rules/backtest-rule";
import { loadCommentBatch, type ArticleTextCache } from "@/lib/rules/load-comment-batch";
import type { RuleDraft } from "@/lib/rules/rule-draft-schema";
import { draftExternalRule } from "./draft-external-rule";
import { scoreBatch } from "./score-batch";

const SAMPLE_SIZE = 10;
const SAMPLE_TEXT_LIMIT = 2_000;

/**
 * The backtest of an EXTERNAL draft: the stored comments, newest rules untouched, sent to the
 * endpoint in batches until the time budget is spent. An endpoint that fails on the first batch is
 * an error in words; one that fails later stops the backtest and says so (`endpointError`).
 */
export async function backtestExternal(draft: RuleDraft, ruleId: number | undefined, options: BacktestOptions = {}): Promise<BacktestResult> {
  const { rule } = await draftExternalRule(draft, ruleId);
  const deadline = Date.now() + (options.timeBudgetMs ?? 10_000);
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
      const batch = await loadCommentBatch(client, { afterId, limit: options.batchSize ?? EXTERNAL_BATCH_SIZE, articles });
      if (batch.length === 0) break;
      const scored = await scoreBatch(rule, batch.map((comment) => ({ id: String(comment.id), text: comment.context.body })));
      if (!scored.ok) {
        if (result.scanned === 0) throw new AppError("INVALID", `The endpoint did not score the first ${batch.length} comments: ${scored.message}`);
        result.stoppedEarly = true;
        result.endpointError = scored.message;
        break;
      }
      for (const comment of batch) {
        const flag = scored.flags.get(String(comment.id))?.[0];
        if (flag === undefined) continue;
        result.matched += 1;
        result.statuses[comment.status] += 1;
        if (result.sample.length < SAMPLE_SIZE) result.sample.push(sampleOf(comment.id, comment.authorName, comment.status, comment.context.body, flag.spans, flag.reason));
      }
      result.scanned += batch.length;
      afterId = batch[batch.length - 1]!.id;
    }
  } finally {
    client.release();
  }
  return result;
}

function sampleOf(commentId: number, authorName: string | null, status: BacktestSample["status"], body: string, spans: BacktestSample["spans"], reason: string): BacktestSample {
  const text = body.slice(0, SAMPLE_TEXT_LIMIT);
  return { commentId, authorName, status, text, reason, spans: spans.filter(([start]) => start < text.length).map(([start, end]) => [start, Math.min(end, text.length)]) };
}
