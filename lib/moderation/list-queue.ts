import "server-only";
import { UTC } from "@/lib/time-zone";
import { nextDay, startOfDayInZone } from "@/lib/time-zone-days";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { CARD_COLUMNS, CARD_JOINS, loadQueueItems, type CommentRow } from "./load-queue-items";
import { queueOrderOf, type QueueOrder } from "./list-queue-order";
import { listQueueBySuggestion } from "./list-queue-by-suggestion";
import { searchIndexScope } from "./search-index-scope";
import { withAuthorNames } from "./resolve-author-names";
import { searchPage } from "./search-queue-page";
import type { QueueItem } from "./queue-item";
import type { QueueFilters, QueueTab } from "./schemas";

const STATUS_OF_TAB = { flagged: "PENDING", reported: "PENDING", pending: "PENDING", approved: "APPROVED", hidden: "HIDDEN", all: null } as const;

export interface QueuePage {
  items: QueueItem[];
  nextCursor: string | null;
}

/**
 * One page of a queue tab, keyset-paged in the tab's order (list-queue-order.ts): Pending and
 * Flagged most urgent first then oldest, Reported most reported first then most urgent, Approved and Hidden newest decision first, All newest
 * imported first.
 */
export async function listQueue(request: { tab: QueueTab; filters: QueueFilters; cursor?: string; limit: number }): Promise<QueuePage> {
  const options = { ...request, filters: await withAuthorNames(request.filters) };
  const take = options.limit + 1;
  const order = queueOrderOf(options.tab);
  const tab = tabConditions(options.tab);
  const filters = filterConditions(options.filters);
  const match = matchQuery(options.filters);
  if (options.filters.sort === "suggestion") {
    return listQueueBySuggestion({ conditions: [...tab, ...filters, ...searchConditions(options.tab, match)], cursor: options.cursor, limit: options.limit });
  }
  const search = match ? { query: match, words: options.filters.q, categoryLexeme: categoryLexeme(options.filters), tabStatus: STATUS_OF_TAB[options.tab] } : null;
  const rows = search ? await searchPage(order, tab, filters, search, options.cursor, take) : await walkPage(order, [...tab, ...filters], options.cursor, take);
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
 * The search and the category filter as one tsquery over the stored vector: a comment's flag
 * categories are lexemes of it ('category:abusive', kept by the migration comment_flag_categories'
 * trigger from comment."flagCategories"), so the GIN index serves both at once. Such a lexeme
 * never comes out of a body or of websearch_to_tsquery (lib/moderation/flag-category-lexemes.db.test.ts).
 */
function matchQuery(filters: QueueFilters): Prisma.Sql | null {
  const words = filters.q ? Prisma.sql`websearch_to_tsquery('simple', ${filters.q})` : null;
  const lexeme = categoryLexeme(filters);
  // Quoted: in tsquery syntax an unquoted ':' would start a weight label.
  const category = lexeme ? Prisma.sql`${`'${lexeme}'`}::tsquery` : null;
  if (words && category) return Prisma.sql`(${words} && ${category})`;
  return words ?? category;
}

function categoryLexeme(filters: QueueFilters): string | null {
  return filters.category ? `category:${filters.category.toLowerCase()}` : null;
}

function tabConditions(tab: QueueTab): Prisma.Sql[] {
  const status = STATUS_OF_TAB[tab];
  const conditions = status ? [Prisma.sql`c.status = ${status}::"CommentStatus"`] : [];
  // Flagged: a rule raised the priority (reports raise it too, by reportPriority: lib/reports).
  // `priority > 0` first keeps the index range of (status, priority DESC, ...).
  if (tab === "flagged") conditions.push(Prisma.sql`c.priority > 0 AND c.priority > c."reportPriority"`);
  // The same condition as the partial index comment_reported_queue_idx (migration reader_reports).
  if (tab === "reported") conditions.push(Prisma.sql`c."reportCount" > 0`);
  return conditions;
}

/** URL filters other than the search and the category (matchQuery) as SQL conditions on `c`. */
function filterConditions(filters: QueueFilters): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filters.article) conditions.push(Prisma.sql`c."articleId" = ${filters.article}`);
  if (filters.author) conditions.push(authorCondition(filters.authorNames ?? [filters.author]));
  // Days in the reader's zone (tz), as instants; postedAt is a UTC timestamp without zone.
  if (filters.from) conditions.push(Prisma.sql`c."postedAt" >= (${startOfDayInZone(filters.from, filters.tz ?? UTC).toISOString()}::timestamptz AT TIME ZONE 'UTC')`);
  if (filters.to) conditions.push(Prisma.sql`c."postedAt" < (${startOfDayInZone(nextDay(filters.to), filters.tz ?? UTC).toISOString()}::timestamptz AT TIME ZONE 'UTC')`);
  if (filters.rule) conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM flag f WHERE f."commentId" = c.id AND f."ruleId" = ${filters.rule})`);
  if (filters.unscored) conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM external_score_pending p WHERE p."commentId" = c.id)`);
  return conditions;
}

/**
 * One name is `authorName = x`: a keyset read of the author index in the tab's order. Several (the
 * typed name's case variants, each a stored author) read each name's comments and sort them.
 */
function authorCondition(names: string[]): Prisma.Sql {
  return names.length === 1 ? Prisma.sql`c."authorName" = ${names[0]}` : Prisma.sql`c."authorName" = ANY(${names}::text[])`;
}

/** Every condition a tab and its filters put on `c` (search and category included): "all N matching this filter". */
export async function matchingConditions(tab: QueueTab, filters: QueueFilters): Promise<Prisma.Sql[]> {
  const resolved = await withAuthorNames(filters);
  return [...tabConditions(tab), ...filterConditions(resolved), ...searchConditions(tab, matchQuery(resolved))];
}

/** A search as conditions the per-status search indexes serve (search-index-scope.ts). */
function searchConditions(tab: QueueTab, match: Prisma.Sql | null): Prisma.Sql[] {
  return match ? [searchIndexScope(STATUS_OF_TAB[tab]), Prisma.sql`c."searchVector" @@ ${match}`] : [];
}
