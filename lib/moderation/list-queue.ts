import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { CARD_COLUMNS, CARD_JOINS, loadQueueItems, type CommentRow } from "./load-queue-items";
import { queueOrderOf, type QueueOrder } from "./list-queue-order";
import { listQueueBySuggestion } from "./list-queue-by-suggestion";
import type { QueueItem } from "./queue-item";
import type { QueueFilters, QueueTab } from "./schemas";

const STATUS_OF_TAB = { flagged: "PENDING", pending: "PENDING", approved: "APPROVED", hidden: "HIDDEN", all: null } as const;

export interface QueuePage {
  items: QueueItem[];
  nextCursor: string | null;
}

/**
 * One page of a queue tab, keyset-paged in the tab's order (list-queue-order.ts): Pending and
 * Flagged most urgent first then oldest, Approved and Hidden newest decision first, All newest
 * imported first.
 */
export async function listQueue(options: { tab: QueueTab; filters: QueueFilters; cursor?: string; limit: number }): Promise<QueuePage> {
  const take = options.limit + 1;
  const order = queueOrderOf(options.tab);
  const tab = tabConditions(options.tab);
  const filters = filterConditions(options.filters);
  const match = matchQuery(options.filters);
  if (options.filters.sort === "suggestion") {
    const search = match ? [Prisma.sql`c."searchVector" @@ ${match}`] : [];
    return listQueueBySuggestion({ conditions: [...tab, ...filters, ...search], cursor: options.cursor, limit: options.limit });
  }
  const rows = match ? await searchPage(order, tab, filters, match, options.cursor, take) : await walkPage(order, [...tab, ...filters], options.cursor, take);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > options.limit && last ? order.cursorOf(last) : null;
  return { items: await loadQueueItems(page), nextCursor };
}

const all = (conditions: Prisma.Sql[]) => (conditions.length > 0 ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`);

/** Reads the tab's index ranges in order and stops at the page: cost follows the rows it tests. */
async function walkPage(order: QueueOrder, conditions: Prisma.Sql[], cursor: string | undefined, take: number): Promise<CommentRow[]> {
  const base = all(conditions);
  const branches = order.ranges(cursor).map((range) => Prisma.sql`(SELECT c.* FROM comment c WHERE ${base} AND ${range} ORDER BY ${order.indexOrder} LIMIT ${take})`);
  return db.$queryRaw<CommentRow[]>`
    WITH page AS (SELECT * FROM (${Prisma.join(branches, " UNION ALL ")}) c ORDER BY ${order.orderBy} LIMIT ${take})
    SELECT ${CARD_COLUMNS} FROM page c ${CARD_JOINS}
    ORDER BY ${order.orderBy}`;
}

/**
 * A page from the first range only, reading at most `rows` of its index rows and testing `tests`
 * on them; null when they hold fewer than a page. A page made up with later ranges would be wrong
 * whenever the first range was cut short with matches past the cut, so it is never assembled.
 */
async function scanPage(order: QueueOrder, conditions: Prisma.Sql[], cursor: string | undefined, take: number, scan: { rows: number; tests: Prisma.Sql[] }): Promise<CommentRow[] | null> {
  const range = order.ranges(cursor)[0] ?? Prisma.sql`TRUE`;
  const rows = await db.$queryRaw<CommentRow[]>`
    WITH page AS (
      SELECT * FROM (SELECT c.* FROM comment c WHERE ${all(conditions)} AND ${range} ORDER BY ${order.indexOrder} LIMIT ${scan.rows}) c
      WHERE ${all(scan.tests)} ORDER BY ${order.indexOrder} LIMIT ${take})
    SELECT ${CARD_COLUMNS} FROM page c ${CARD_JOINS}
    ORDER BY ${order.orderBy}`;
  return rows.length === take ? rows : null;
}

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

/** Index rows step 2 reads before it gives up on density and sorts every match. */
export const SEARCH_WALK_ROWS = 20_000;

/**
 * A search in bounded steps instead of a guess from the planner's estimate (which correlated
 * words fool). Step 0 walks the first SEARCH_PROBE_ROWS of the tab's order: dense matches (a
 * common category alone, common words) fill a page there, before the GIN index builds a bitmap
 * of all of them. Step 1 takes the comments the GIN index finds (OFFSET 0 keeps the planner from
 * folding the subquery into an index walk), applies the other filters and stops at K. Step 2,
 * only when step 1 hit K, walks the tab's index testing each row's stored vector through
 * ts_match_vq, a spelling of @@ the GIN index cannot serve, so the planner cannot return to it.
 * Matches dense overall can still be rare at the head of the order (a search that only hits
 * unflagged comments, walked behind every flagged one): the walk stops after SEARCH_WALK_ROWS and
 * step 3 sorts every match, which costs what the match count does, never a walk of the queue.
 */
async function searchPage(order: QueueOrder, tab: Prisma.Sql[], filters: Prisma.Sql[], query: Prisma.Sql, cursor: string | undefined, take: number): Promise<CommentRow[]> {
  const tests = [...filters, Prisma.sql`ts_match_vq(c."searchVector", ${query})`];
  const probed = await scanPage(order, tab, cursor, take, { rows: SEARCH_PROBE_ROWS, tests });
  if (probed) return probed;
  const collected = await collectMatches(order, [...tab, ...filters], query, cursor, take, SEARCH_COLLECT_LIMIT);
  if ((collected[0]?.matched ?? 0) < SEARCH_COLLECT_LIMIT) return collected;
  const walked = await scanPage(order, tab, cursor, take, { rows: SEARCH_WALK_ROWS, tests });
  if (walked) return walked;
  return collectMatches(order, [...tab, ...filters], query, cursor, take, null);
}

/** The first page of the GIN index's matches (at most `limit` of them, null for all), sorted, with how many were collected. */
async function collectMatches(order: QueueOrder, conditions: Prisma.Sql[], query: Prisma.Sql, cursor: string | undefined, take: number, limit: number | null) {
  const base = Prisma.join([...conditions, order.after(cursor)], " AND ");
  return db.$queryRaw<(CommentRow & { matched: number })[]>`
    WITH matches AS MATERIALIZED (
      SELECT c.* FROM (SELECT * FROM comment WHERE "searchVector" @@ ${query} OFFSET 0) c
      WHERE ${base} LIMIT ${limit}::bigint),
    page AS (SELECT * FROM matches c ORDER BY ${order.orderBy} LIMIT ${take})
    SELECT ${CARD_COLUMNS}, (SELECT count(*)::int FROM matches) AS matched FROM page c ${CARD_JOINS}
    ORDER BY ${order.orderBy}`;
}

/**
 * The search and the category filter as one tsquery over the stored vector: a comment's flag
 * categories are lexemes of it ('category:abusive', kept by the migration comment_flag_categories'
 * trigger from comment."flagCategories"), so the GIN index serves both at once. Such a lexeme
 * never comes out of a body or of websearch_to_tsquery (lib/moderation/flag-category-lexemes.db.test.ts).
 */
function matchQuery(filters: QueueFilters): Prisma.Sql | null {
  const words = filters.q ? Prisma.sql`websearch_to_tsquery('simple', ${filters.q})` : null;
  // Quoted: in tsquery syntax an unquoted ':' would start a weight label.
  const category = filters.category ? Prisma.sql`${`'category:${filters.category.toLowerCase()}'`}::tsquery` : null;
  if (words && category) return Prisma.sql`(${words} && ${category})`;
  return words ?? category;
}

function tabConditions(tab: QueueTab): Prisma.Sql[] {
  const status = STATUS_OF_TAB[tab];
  const conditions = status ? [Prisma.sql`c.status = ${status}::"CommentStatus"`] : [];
  if (tab === "flagged") conditions.push(Prisma.sql`c.priority > 0`);
  return conditions;
}

/** URL filters other than the search and the category (matchQuery) as SQL conditions on `c`. */
function filterConditions(filters: QueueFilters): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filters.article) conditions.push(Prisma.sql`c."articleId" = ${filters.article}`);
  if (filters.author) conditions.push(Prisma.sql`c."authorName" = ${filters.author}`);
  if (filters.from) conditions.push(Prisma.sql`c."postedAt" >= ${filters.from}::date`);
  if (filters.to) conditions.push(Prisma.sql`c."postedAt" < ${filters.to}::date + 1`);
  if (filters.rule) conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM flag f WHERE f."commentId" = c.id AND f."ruleId" = ${filters.rule})`);
  return conditions;
}
