import "server-only";
import type { SqlReader } from "./compute-day-summaries";
import type { QueueCounts } from "./day-summary";
import { appliedOrNull, applyArticleDeltas, type ArticleDelta, type LivePostedDay } from "./live-day-deltas";

// The live posted days' queue counts and per-article counts (migration insights_live_articles): a
// day's folded row (insights_live_day) plus the deltas the statement triggers on comment appended
// since (insights_live_article_delta), read in one statement, so one snapshot: the fold
// (fold-live-posted-days.ts) moves deltas into the row in one transaction, so a reader sees either
// the row before and every delta, or the row after and the deltas appended since. A load costs
// the changes since the last fold (the rollup job's, every 15 s), not the day's comments.

interface Row {
  kind: "folded" | "delta";
  day: string;
  queue: number[] | null;
  articles: Uint8Array | null;
  articleId: number;
  posted: number;
  pending: number;
  flagged: number;
  approved: number;
  hidden: number;
}

/**
 * The given days that have a folded row and are held (on or after insights_decided_since.day),
 * with their deltas applied; the other days are not in the map (computed from the comments).
 */
export async function readLivePostedDays(reader: SqlReader, days: string[]): Promise<Map<string, LivePostedDay>> {
  if (days.length === 0) return new Map();
  const rows = await reader.$queryRaw<Row[]>`
    WITH folded AS MATERIALIZED (
      SELECT f.day, f.queue, f.articles FROM insights_live_day f
      WHERE f.day = ANY(${days}::date[]) AND f.day >= (SELECT s.day FROM insights_decided_since s WHERE s.id = 1)
    )
    SELECT 'folded' AS kind, to_char(f.day, 'YYYY-MM-DD') AS day, f.queue, f.articles, 0 AS "articleId", 0 AS posted, 0 AS pending, 0 AS flagged, 0 AS approved, 0 AS hidden
    FROM folded f
    UNION ALL
    SELECT 'delta', to_char(d.day, 'YYYY-MM-DD'), NULL, NULL, d."articleId", sum(d.posted)::int, sum(d.pending)::int, sum(d.flagged)::int, sum(d.approved)::int, sum(d.hidden)::int
    FROM insights_live_article_delta d
    WHERE d.day IN (SELECT f.day FROM folded f)
    GROUP BY d.day, d."articleId"`;
  const deltas = new Map<string, ArticleDelta[]>();
  for (const row of rows) {
    if (row.kind !== "delta") continue;
    const list = deltas.get(row.day) ?? [];
    list.push([row.articleId, row.posted, row.pending, row.flagged, row.approved, row.hidden]);
    deltas.set(row.day, list);
  }
  const result = new Map<string, LivePostedDay>();
  for (const row of rows) {
    if (row.kind !== "folded") continue;
    const applied = appliedOrNull(row.day, () => applyArticleDeltas({ queue: row.queue as QueueCounts, articles: row.articles! }, deltas.get(row.day) ?? []));
    if (applied) result.set(row.day, applied);
  }
  return result;
}
