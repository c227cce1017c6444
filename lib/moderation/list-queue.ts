import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, encodeCursor } from "./cursor";
import { CARD_COLUMNS, CARD_JOINS, loadQueueItems, type CommentRow } from "./load-queue-items";
import type { QueueItem } from "./queue-item";
import type { QueueFilters, QueueTab } from "./schemas";

const STATUS_OF_TAB = { flagged: "PENDING", pending: "PENDING", approved: "APPROVED", hidden: "HIDDEN", all: null } as const;

const priorityCursor = z.object({ p: z.number().int(), at: z.iso.datetime(), id: z.number().int() });
const idCursor = z.object({ id: z.number().int() });

export interface QueuePage {
  items: QueueItem[];
  nextCursor: string | null;
}

/**
 * One page of a queue tab. Status tabs follow the index (status, priority DESC, postedAt, id):
 * most urgent first, then oldest. The keyset is split into two index ranges (the rest of the
 * cursor's priority, then every lower priority) so a page 500,000 rows deep costs what the first
 * does. "All" spans statuses, so it pages newest-imported first on the primary key.
 */
export async function listQueue(options: { tab: QueueTab; filters: QueueFilters; cursor?: string; limit: number }): Promise<QueuePage> {
  const take = options.limit + 1;
  const where = filterConditions(options.filters);
  const source = await commentSource(options.filters.q);
  const rows = options.tab === "all" ? await pageById(source, where, options.cursor, take) : await pageByPriority(options.tab, source, where, options.cursor, take);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  let nextCursor: string | null = null;
  if (rows.length > options.limit && last) {
    nextCursor = options.tab === "all" ? encodeCursor({ id: last.id }) : encodeCursor({ p: last.priority, at: last.postedAt.toISOString(), id: last.id });
  }
  return { items: await loadQueueItems(page), nextCursor };
}

async function pageByPriority(tab: Exclude<QueueTab, "all">, source: Prisma.Sql, where: Prisma.Sql[], cursor: string | undefined, take: number): Promise<CommentRow[]> {
  const conditions = [Prisma.sql`c.status = ${STATUS_OF_TAB[tab]}::"CommentStatus"`, ...where];
  if (tab === "flagged") conditions.push(Prisma.sql`c.priority > 0`);
  const after = decodeCursor(cursor, priorityCursor);
  const base = Prisma.join(conditions, " AND ");
  const branch = (extra: Prisma.Sql) =>
    Prisma.sql`(SELECT c.* FROM ${source} c WHERE ${base} AND ${extra} ORDER BY c.priority DESC, c."postedAt", c.id LIMIT ${take})`;
  const pageSql = after
    ? Prisma.sql`${branch(Prisma.sql`c.priority = ${after.p} AND (c."postedAt", c.id) > (${after.at}::timestamp, ${after.id})`)}
        UNION ALL ${branch(Prisma.sql`c.priority < ${after.p}`)}`
    : branch(Prisma.sql`TRUE`);
  return db.$queryRaw<CommentRow[]>`
    WITH page AS (SELECT * FROM (${pageSql}) branches ORDER BY priority DESC, "postedAt", id LIMIT ${take})
    SELECT ${CARD_COLUMNS} FROM page c ${CARD_JOINS}
    ORDER BY c.priority DESC, c."postedAt", c.id`;
}

async function pageById(source: Prisma.Sql, where: Prisma.Sql[], cursor: string | undefined, take: number): Promise<CommentRow[]> {
  const after = decodeCursor(cursor, idCursor);
  const conditions = [...where, after ? Prisma.sql`c.id < ${after.id}` : Prisma.sql`TRUE`];
  return db.$queryRaw<CommentRow[]>`
    WITH page AS (SELECT c.* FROM ${source} c WHERE ${Prisma.join(conditions, " AND ")} ORDER BY c.id DESC LIMIT ${take})
    SELECT ${CARD_COLUMNS} FROM page c ${CARD_JOINS}
    ORDER BY c.id DESC`;
}

// Below this many estimated matches, collecting them from the GIN index and sorting beats
// walking the queue index and testing each row's stored search vector (which reads the whole
// queue when a search matches nothing).
const SELECTIVE_SEARCH_ROWS = 10_000;

const searchMatch = (q: string) => Prisma.sql`"searchVector" @@ websearch_to_tsquery('simple', ${q})`;

/**
 * What a page reads from: the comment table, or, for a selective search, only the comments the
 * full-text index finds (OFFSET 0 keeps the planner from folding it back into an index walk).
 * A broad search keeps the index walk: matches are dense, so the first page fills at once.
 */
async function commentSource(q: string | undefined): Promise<Prisma.Sql> {
  if (!q) return Prisma.sql`comment`;
  const plan = await db.$queryRaw<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[]>`EXPLAIN (FORMAT JSON) SELECT 1 FROM comment WHERE ${searchMatch(q)}`;
  const estimate = plan[0]?.["QUERY PLAN"][0].Plan["Plan Rows"] ?? Number.POSITIVE_INFINITY;
  return estimate <= SELECTIVE_SEARCH_ROWS ? Prisma.sql`(SELECT * FROM comment WHERE ${searchMatch(q)} OFFSET 0)` : Prisma.sql`comment`;
}

/** URL filters as SQL conditions on `c`. The search reads the stored vector, which the GIN index covers. */
function filterConditions(filters: QueueFilters): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filters.article) conditions.push(Prisma.sql`c."articleId" = ${filters.article}`);
  if (filters.author) conditions.push(Prisma.sql`c."authorName" = ${filters.author}`);
  if (filters.from) conditions.push(Prisma.sql`c."postedAt" >= ${filters.from}::date`);
  if (filters.to) conditions.push(Prisma.sql`c."postedAt" < ${filters.to}::date + 1`);
  if (filters.q) conditions.push(Prisma.sql`c."searchVector" @@ websearch_to_tsquery('simple', ${filters.q})`);
  if (filters.category) conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM flag f WHERE f."commentId" = c.id AND f.category = ${filters.category}::"RuleCategory")`);
  if (filters.rule) conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM flag f WHERE f."commentId" = c.id AND f."ruleId" = ${filters.rule})`);
  return conditions;
}
