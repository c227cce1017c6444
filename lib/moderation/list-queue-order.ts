import { z } from "zod";
import { isIsoWithinYears, MAX_ROW_ID, MIN_INT4 } from "@/lib/validation/bounds";
import { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, encodeCursor } from "./cursor";
import type { CommentRow } from "./load-queue-items";
import type { QueueTab } from "./schemas";

/**
 * How a tab orders its comments, over rows aliased `c`. `ranges` are conditions whose rows an
 * index returns already in `indexOrder`, so a page is the first rows of their concatenation and a
 * page deep in the queue costs what the first does; `after` is the same "past the cursor" as one
 * condition, for candidates that are sorted in memory (a search's few matches).
 */
export interface QueueOrder {
  /** The page's order. */
  orderBy: Prisma.Sql;
  /** The order one index range is read in (differs from orderBy only in where NULLs go). */
  indexOrder: Prisma.Sql;
  ranges: (cursor: string | undefined) => Prisma.Sql[];
  after: (cursor: string | undefined) => Prisma.Sql;
  cursorOf: (row: CommentRow) => string;
}

const TRUE = Prisma.sql`TRUE`;

const cursorAt = z.iso.datetime().refine(isIsoWithinYears);
const cursorId = z.number().int().positive().max(MAX_ROW_ID);
const priorityCursor = z.object({ p: z.number().int().min(MIN_INT4).max(MAX_ROW_ID), at: cursorAt, id: cursorId });

/** Pending and Flagged: index (status, priority DESC, postedAt, id): most urgent first, then oldest. */
const byPriority: QueueOrder = {
  orderBy: Prisma.sql`c.priority DESC, c."postedAt", c.id`,
  indexOrder: Prisma.sql`c.priority DESC, c."postedAt", c.id`,
  // The rest of the cursor's priority, then every lower priority: two index ranges.
  ranges: (cursor) => {
    const at = decodeCursor(cursor, priorityCursor);
    if (!at) return [TRUE];
    return [Prisma.sql`c.priority = ${at.p} AND (c."postedAt", c.id) > (${at.at}::timestamp, ${at.id})`, Prisma.sql`c.priority < ${at.p}`];
  },
  after: (cursor) => {
    const at = decodeCursor(cursor, priorityCursor);
    return at ? Prisma.sql`(c.priority < ${at.p} OR (c.priority = ${at.p} AND (c."postedAt", c.id) > (${at.at}::timestamp, ${at.id})))` : TRUE;
  },
  cursorOf: (row) => encodeCursor({ p: row.priority, at: row.postedAt.toISOString(), id: row.id }),
};

const decisionCursor = z.object({ at: cursorAt.nullable(), id: cursorId });

/**
 * Approved and Hidden: index (status, decidedAt DESC, id DESC): newest decision first. Comments
 * that arrived already decided (an import's auto-hide before decidedAt was kept, a source's own
 * status) have no decision time and come last, newest first; the index keeps NULLs first, so
 * they are a range of their own.
 */
const byDecision: QueueOrder = {
  orderBy: Prisma.sql`c."decidedAt" DESC NULLS LAST, c.id DESC`,
  indexOrder: Prisma.sql`c."decidedAt" DESC, c.id DESC`,
  ranges: (cursor) => {
    const at = decodeCursor(cursor, decisionCursor);
    if (!at) return [Prisma.sql`c."decidedAt" IS NOT NULL`, Prisma.sql`c."decidedAt" IS NULL`];
    if (at.at === null) return [Prisma.sql`c."decidedAt" IS NULL AND c.id < ${at.id}`];
    return [Prisma.sql`c."decidedAt" IS NOT NULL AND (c."decidedAt", c.id) < (${at.at}::timestamp, ${at.id})`, Prisma.sql`c."decidedAt" IS NULL`];
  },
  after: (cursor) => {
    const at = decodeCursor(cursor, decisionCursor);
    if (!at) return TRUE;
    if (at.at === null) return Prisma.sql`(c."decidedAt" IS NULL AND c.id < ${at.id})`;
    return Prisma.sql`(c."decidedAt" IS NULL OR (c."decidedAt", c.id) < (${at.at}::timestamp, ${at.id}))`;
  },
  cursorOf: (row) => encodeCursor({ at: row.decidedAt ? row.decidedAt.toISOString() : null, id: row.id }),
};

const idCursor = z.object({ id: cursorId });

/** All: spans statuses, so newest imported first on the primary key. */
const byId: QueueOrder = {
  orderBy: Prisma.sql`c.id DESC`,
  indexOrder: Prisma.sql`c.id DESC`,
  ranges: (cursor) => {
    const at = decodeCursor(cursor, idCursor);
    return [at ? Prisma.sql`c.id < ${at.id}` : TRUE];
  },
  after: (cursor) => {
    const at = decodeCursor(cursor, idCursor);
    return at ? Prisma.sql`c.id < ${at.id}` : TRUE;
  },
  cursorOf: (row) => encodeCursor({ id: row.id }),
};

const reportCursor = z.object({ r: z.number().int().min(0).max(MAX_ROW_ID), p: z.number().int().min(MIN_INT4).max(MAX_ROW_ID), at: cursorAt, id: cursorId });

/**
 * Reported: the partial index (reportCount DESC, priority DESC, postedAt, id) over pending reported
 * comments (migration reader_reports): most reported first, then the Pending order.
 */
const byReports: QueueOrder = {
  orderBy: Prisma.sql`c."reportCount" DESC, c.priority DESC, c."postedAt", c.id`,
  indexOrder: Prisma.sql`c."reportCount" DESC, c.priority DESC, c."postedAt", c.id`,
  // The rest of the cursor's priority within its count, the lower priorities of that count, then every lower count.
  ranges: (cursor) => {
    const at = decodeCursor(cursor, reportCursor);
    if (!at) return [TRUE];
    return [
      Prisma.sql`c."reportCount" = ${at.r} AND c.priority = ${at.p} AND (c."postedAt", c.id) > (${at.at}::timestamp, ${at.id})`,
      Prisma.sql`c."reportCount" = ${at.r} AND c.priority < ${at.p}`,
      Prisma.sql`c."reportCount" < ${at.r}`,
    ];
  },
  after: (cursor) => {
    const at = decodeCursor(cursor, reportCursor);
    if (!at) return TRUE;
    return Prisma.sql`(c."reportCount" < ${at.r} OR (c."reportCount" = ${at.r} AND (c.priority < ${at.p} OR (c.priority = ${at.p} AND (c."postedAt", c.id) > (${at.at}::timestamp, ${at.id})))))`;
  },
  cursorOf: (row) => encodeCursor({ r: row.reportCount, p: row.priority, at: row.postedAt.toISOString(), id: row.id }),
};

const ORDER_OF_TAB: Record<QueueTab, QueueOrder> = { flagged: byPriority, reported: byReports, pending: byPriority, approved: byDecision, hidden: byDecision, all: byId };

export function queueOrderOf(tab: QueueTab): QueueOrder {
  return ORDER_OF_TAB[tab];
}
