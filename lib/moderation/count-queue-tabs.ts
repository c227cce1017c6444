import "server-only";
import { db } from "@/lib/db/client";
import type { QueueTab } from "./schemas";

export type QueueCounts = Record<QueueTab, number>;

// Every open queue polls for counts; one scan serves all of them for a couple of seconds.
const FRESH_MS = 2_000;
let cached: { at: number; counts: Promise<QueueCounts> } | null = null;

/** How many comments each tab holds (unfiltered): one pass over comment. */
export function countQueueTabs(options: { fresh?: boolean } = {}): Promise<QueueCounts> {
  if (!options.fresh && cached && Date.now() - cached.at < FRESH_MS) return cached.counts;
  const counts = db.$queryRaw<{ flagged: number; pending: number; approved: number; hidden: number; all: number }[]>`
    SELECT (count(*) FILTER (WHERE status = 'PENDING' AND priority > 0))::int AS flagged,
           (count(*) FILTER (WHERE status = 'PENDING'))::int AS pending,
           (count(*) FILTER (WHERE status = 'APPROVED'))::int AS approved,
           (count(*) FILTER (WHERE status = 'HIDDEN'))::int AS hidden,
           count(*)::int AS "all"
    FROM comment`.then((rows) => rows[0] ?? { flagged: 0, pending: 0, approved: 0, hidden: 0, all: 0 });
  cached = { at: Date.now(), counts };
  counts.catch(() => {
    cached = null;
  });
  return counts;
}
