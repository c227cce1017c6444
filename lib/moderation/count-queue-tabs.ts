import "server-only";
import { db } from "@/lib/db/client";
import type { QueueTab } from "./schemas";

export type QueueCounts = Record<QueueTab, number>;

// Every open queue polls for counts; one read serves all of them for a couple of seconds.
const FRESH_MS = 2_000;
// Past this many appended deltas, a read folds them into one row so the sum stays a few pages.
const FOLD_AT = 1_000;
let cached: { at: number; counts: Promise<QueueCounts> } | null = null;

/**
 * How many comments each tab holds (unfiltered), exact: the sum of the deltas that statement
 * triggers on comment append (migration queue_tab_counts), so its cost does not grow with the
 * number of comments.
 */
export function countQueueTabs(options: { fresh?: boolean } = {}): Promise<QueueCounts> {
  if (!options.fresh && cached && Date.now() - cached.at < FRESH_MS) return cached.counts;
  const counts = sumQueueTabDeltas();
  cached = { at: Date.now(), counts };
  counts.catch(() => {
    cached = null;
  });
  return counts;
}

async function sumQueueTabDeltas(): Promise<QueueCounts> {
  const rows = await db.$queryRaw<(QueueCounts & { deltas: number })[]>`
    SELECT coalesce(sum(flagged), 0)::int AS flagged, coalesce(sum(pending), 0)::int AS pending,
           coalesce(sum(approved), 0)::int AS approved, coalesce(sum(hidden), 0)::int AS hidden,
           coalesce(sum("all"), 0)::int AS "all", coalesce(sum(reported), 0)::int AS reported, count(*)::int AS deltas
    FROM queue_tab_delta`;
  const { deltas, ...counts } = rows[0] ?? { flagged: 0, reported: 0, pending: 0, approved: 0, hidden: 0, all: 0, deltas: 0 };
  if (deltas > FOLD_AT) await foldQueueTabDeltas();
  return counts;
}

/**
 * Replaces the deltas this statement sees by their sum, in one statement: deltas appended
 * meanwhile are not in its snapshot and stay; a concurrent fold skips the rows this one deleted.
 */
export async function foldQueueTabDeltas(): Promise<void> {
  await db.$executeRaw`
    WITH folded AS (DELETE FROM queue_tab_delta RETURNING flagged, pending, approved, hidden, "all", reported)
    INSERT INTO queue_tab_delta (flagged, pending, approved, hidden, "all", reported)
    SELECT coalesce(sum(flagged), 0), coalesce(sum(pending), 0), coalesce(sum(approved), 0), coalesce(sum(hidden), 0), coalesce(sum("all"), 0), coalesce(sum(reported), 0) FROM folded`;
}
