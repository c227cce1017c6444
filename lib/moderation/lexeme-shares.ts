import "server-only";
import { db } from "@/lib/db/client";

/** ANALYZE refreshes the statistics every few minutes at most; a minute-old copy is as good. */
const CACHE_MS = 60_000;

let cached: { at: number; shares: Promise<Map<string, number>> } | null = null;

/**
 * Each common lexeme's share of comments, from the statistics ANALYZE keeps for the search
 * vector (pg_stats.most_common_elems and their frequencies; a lexeme missing from them is rarer
 * than every one listed). Empty before the first ANALYZE: every term then counts as selective.
 */
export function lexemeShares(): Promise<Map<string, number>> {
  const now = Date.now();
  if (!cached || now - cached.at > CACHE_MS) {
    const shares = readShares();
    cached = { at: now, shares };
    // A failed read is retried on the next search rather than cached for a minute.
    shares.catch(() => {
      if (cached?.shares === shares) cached = null;
    });
  }
  return cached.shares;
}

async function readShares(): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ elems: string[] | null; freqs: number[] | null }[]>`
    SELECT most_common_elems::text::text[] AS elems, most_common_elem_freqs::float8[] AS freqs
    FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'comment' AND attname = 'searchVector'`;
  const { elems, freqs } = rows[0] ?? { elems: null, freqs: null };
  // The frequencies array ends with three summary figures (min, max, null share) after one per element.
  return new Map((elems ?? []).map((lexeme, index) => [lexeme, freqs?.[index] ?? 0]));
}
