import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { lexemeShares } from "./lexeme-shares";
import { CARD_COLUMNS, CARD_JOINS, type CommentRow } from "./load-queue-items";
import type { CommentStatusName } from "./queue-item";
import type { QueueOrder } from "./list-queue-order";
import { searchCandidates } from "./search-candidates";
import { searchIndexScope } from "./search-index-scope";

/**
 * At most this many matches are collected from the full-text index and sorted. Fewer means they
 * are all the matches; this many means the search is dense (at least K of the queue matches), so
 * walking the tab's index fills a page after testing about limit * N / K rows. Balanced where both
 * cost the same: K ~ sqrt(limit * N), about 7,000 at a million comments; a walked row (index, heap
 * and ts_match_vq) cost about twice a collected one in EXPLAIN ANALYZE, hence a little lower.
 */
export const SEARCH_COLLECT_LIMIT = 5_000;

/** Index rows the first, optimistic walk reads. */
export const SEARCH_PROBE_ROWS = 1_000;

/**
 * A search the statistics expect to fill a page within this many index rows walks before it
 * collects: collecting K matches costs a random heap page each (~3.5 µs) plus the index's
 * bitmap, a walked row about as much, so walking wins below about K rows.
 */
export const SEARCH_EARLY_WALK_ROWS = 10_000;

/** Index rows step 2 reads before it gives up on density and sorts every match. */
export const SEARCH_WALK_ROWS = 20_000;

const all = (conditions: Prisma.Sql[]) => (conditions.length > 0 ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`);

export interface Search {
  /** The whole search as one tsquery (words and category lexeme). */
  query: Prisma.Sql;
  words: string | undefined;
  /** The category's reserved lexeme ('category:abusive'), if filtered on. */
  categoryLexeme: string | null;
  /** The tab's status (null: All): which search index serves it (search-index-scope.ts). */
  tabStatus: CommentStatusName | null;
}

/**
 * A search in bounded steps instead of a guess from the planner's estimate (which correlated
 * words fool). Step 0 walks the first SEARCH_PROBE_ROWS of the tab's order: dense matches (a
 * common category alone, common words) fill a page there, before the GIN index builds a bitmap
 * of all of them. A search contradicting itself ('a -a') ends there. When the probe's hits (or, for
 * a bare search, the statistics) expect a page within SEARCH_EARLY_WALK_ROWS, the walk of step 2
 * comes first with a budget of twice the expected rows: a wrong guess costs that walk, never a result.
 * Step 1 takes the comments the GIN index finds for the query's selective terms
 * (search-candidates.ts; OFFSET 0 keeps the planner from folding the subquery into an index
 * walk), tests the whole query and the other filters and stops at K. Step 2, when step 1 hit K
 * or every term is common, walks the tab's index testing each row's stored vector through
 * ts_match_vq, a spelling of @@ the GIN index cannot serve, so the planner cannot return to it.
 * Matches dense overall can still be rare at the head of the order (a search that only hits
 * unflagged comments, walked behind every flagged one): the walk stops after SEARCH_WALK_ROWS and
 * step 3 sorts every match, which costs what the match count does, never a walk of the queue.
 */
export async function searchPage(order: QueueOrder, tab: Prisma.Sql[], filters: Prisma.Sql[], search: Search, cursor: string | undefined, take: number): Promise<CommentRow[]> {
  const tests = [...filters, Prisma.sql`ts_match_vq(c."searchVector", ${search.query})`];
  const probe = await scanRanges(order, tab, cursor, take, { rows: SEARCH_PROBE_ROWS, tests });
  if (probe.page) return probe.page;
  const plan = await planOf(search);
  if (plan.kind === "empty") return [];
  const candidates = plan.kind === "none" ? null : plan.kind === "whole" ? search.query : Prisma.sql`${plan.tsquery}::tsquery`;
  // The statistics see words, not the other filters: only a bare search can trust their density.
  // The probe saw the density where the page is, at the head of the tab's order: a category's
  // comments are flagged and gather there (the statistics' 10% of comments is 40% of that head).
  const expectedByStatistics = filters.length === 0 && plan.density > 0 ? take / plan.density : Infinity;
  const expectedByProbe = probe.found > 0 ? (take * SEARCH_PROBE_ROWS) / probe.found : Infinity;
  const expectedRows = Math.min(expectedByStatistics, expectedByProbe);
  let walkedRows = 0;
  if (candidates && expectedRows <= SEARCH_EARLY_WALK_ROWS) {
    walkedRows = Math.ceil(Math.min(SEARCH_WALK_ROWS, Math.max(SEARCH_PROBE_ROWS, 2 * expectedRows)));
    const early = await scanRanges(order, tab, cursor, take, { rows: walkedRows, tests });
    if (early.page) return early.page;
  }
  if (candidates) {
    const collected = await collectMatches(order, tab, filters, search, candidates, cursor, take, SEARCH_COLLECT_LIMIT);
    if ((collected[0]?.matched ?? 0) < SEARCH_COLLECT_LIMIT) return collected;
  }
  if (walkedRows < SEARCH_WALK_ROWS) {
    const walked = await scanRanges(order, tab, cursor, take, { rows: SEARCH_WALK_ROWS, tests });
    if (walked.page) return walked.page;
  }
  return collectMatches(order, tab, filters, search, candidates ?? search.query, cursor, take, null);
}

/** How the index should serve the search (search-candidates.ts). */
async function planOf(search: Search) {
  const [shares, words] = await Promise.all([
    lexemeShares(),
    search.words ? db.$queryRaw<{ text: string }[]>`SELECT websearch_to_tsquery('simple', ${search.words})::text AS text`.then((rows) => rows[0]?.text ?? "") : null,
  ]);
  return searchCandidates(words, search.categoryLexeme, (lexeme) => shares.get(lexeme));
}

/**
 * The first `take` rows of the tab's order past the cursor that pass `tests`, reading at most
 * `scan.rows` index rows over the order's ranges in turn; the page is null when those rows hold
 * less than a page and more remain (the page is then unknown), and `found` says how many passed.
 * A range emptied within the budget hands the rest of it to the next one, so a page starting near
 * the end of a range still walks.
 */
async function scanRanges(order: QueueOrder, conditions: Prisma.Sql[], cursor: string | undefined, take: number, scan: { rows: number; tests: Prisma.Sql[] }): Promise<{ page: CommentRow[] | null; found: number }> {
  const found: CommentRow[] = [];
  let budget = scan.rows;
  for (const range of order.ranges(cursor)) {
    const rows = await db.$queryRaw<CommentRow[]>`
      WITH page AS (
        SELECT * FROM (SELECT c.* FROM comment c WHERE ${all(conditions)} AND ${range} ORDER BY ${order.indexOrder} LIMIT ${budget}) c
        WHERE ${all(scan.tests)} ORDER BY ${order.indexOrder} LIMIT ${take - found.length})
      SELECT ${CARD_COLUMNS} FROM page c ${CARD_JOINS}
      ORDER BY ${order.orderBy}`;
    found.push(...rows);
    if (found.length === take) return { page: found, found: found.length };
    // Fewer than a page: either the range ended within the budget, or the budget ran out in it.
    const [read] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (SELECT 1 FROM comment c WHERE ${all(conditions)} AND ${range} ORDER BY ${order.indexOrder} LIMIT ${budget}) c`;
    if ((read?.n ?? budget) >= budget) return { page: null, found: found.length };
    budget -= read?.n ?? 0;
  }
  // Every range read to its end: these are all the rows past the cursor that pass.
  return { page: found, found: found.length };
}

/**
 * The first page of the GIN index's candidates that match the whole query (at most `limit` of
 * them, null for all), sorted, with how many were collected. The index is the tab's status's own
 * (search-index-scope.ts): it holds only that status's comments, so a word in 8% of ten million
 * comments costs the pending comments that have it, and nothing is spent on the other statuses.
 */
async function collectMatches(order: QueueOrder, tab: Prisma.Sql[], filters: Prisma.Sql[], search: Search, candidates: Prisma.Sql, cursor: string | undefined, take: number, limit: number | null) {
  const recheck = candidates === search.query ? [] : [Prisma.sql`ts_match_vq(c."searchVector", ${search.query})`];
  const base = Prisma.join([...tab, ...filters, ...recheck, order.after(cursor)], " AND ");
  // The matches keep only the tabs' sort keys (every QueueOrder's orderBy is over these): thousands
  // of bodies and vectors are not copied to be sorted; the page's rows are read again by id.
  return db.$queryRaw<(CommentRow & { matched: number })[]>`
    WITH matches AS MATERIALIZED (
      SELECT c.id, c.priority, c."postedAt", c."decidedAt", c."reportCount"
      FROM (SELECT * FROM comment c WHERE ${searchIndexScope(search.tabStatus)} AND c."searchVector" @@ ${candidates} OFFSET 0) c
      WHERE ${base} LIMIT ${limit}::bigint),
    first AS (SELECT c.id FROM matches c ORDER BY ${order.orderBy} LIMIT ${take}),
    page AS (SELECT c.* FROM first JOIN comment c ON c.id = first.id)
    SELECT ${CARD_COLUMNS}, (SELECT count(*)::int FROM matches) AS matched FROM page c ${CARD_JOINS}
    ORDER BY ${order.orderBy}`;
}
