import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { isRowId } from "@/lib/validation/bounds";
import { CARD_COLUMNS, CARD_JOINS, loadQueueItems, type CommentRow } from "./load-queue-items";
import type { QueuePage } from "./list-queue";

// The queue sorted by the suggestion model (?sort=suggestion): most likely to be hidden first, by
// the stored prediction (comment_suggestion, kept by the suggestion job), newest first among
// equals; comments without a prediction after all of them, newest first. Keyset-paged:
//   s:<probability>:<id>  inside the predicted part (JS number text round-trips a float8 exactly)
//   n:<id>                inside the unpredicted part

type Cursor = { part: "s"; probability: number; id: number } | { part: "n"; id: number } | null;

export function parseSuggestionCursor(cursor: string | undefined): Cursor {
  const parts = cursor?.split(":") ?? [];
  const id = Number(parts.at(-1));
  if (!isRowId(id)) return null;
  if (parts[0] === "n" && parts.length === 2) return { part: "n", id };
  const probability = Number(parts[1]);
  if (parts[0] === "s" && parts.length === 3 && parts[1] !== "" && Number.isFinite(probability)) return { part: "s", probability, id };
  return null;
}

type Row = CommentRow & { hideProbability: number | null };

/**
 * One page. The predicted part walks comment_suggestion's (hideProbability DESC, commentId DESC)
 * index and tests the tab's and filters' conditions on each comment; the unpredicted part is read
 * only once the predicted one is exhausted, so the usual page never looks at it.
 */
export async function listQueueBySuggestion(options: { conditions: Prisma.Sql[]; cursor?: string; limit: number }): Promise<QueuePage> {
  const take = options.limit + 1;
  const cursor = parseSuggestionCursor(options.cursor);
  const base = options.conditions.length > 0 ? Prisma.join(options.conditions, " AND ") : Prisma.sql`TRUE`;
  let rows: Row[] = [];
  if (cursor?.part !== "n") {
    const after = cursor ? Prisma.sql`(s."hideProbability", s."commentId") < (${cursor.probability}::float8, ${cursor.id}::int)` : Prisma.sql`TRUE`;
    rows = await db.$queryRaw<Row[]>`
      WITH page AS (
        SELECT c.*, s."hideProbability" FROM comment_suggestion s JOIN comment c ON c.id = s."commentId"
        WHERE ${base} AND ${after}
        ORDER BY s."hideProbability" DESC, s."commentId" DESC LIMIT ${take})
      SELECT ${CARD_COLUMNS}, c."hideProbability" FROM page c ${CARD_JOINS}
      ORDER BY c."hideProbability" DESC, c.id DESC`;
  }
  if (rows.length < take) {
    const after = cursor?.part === "n" ? Prisma.sql`c.id < ${cursor.id}` : Prisma.sql`TRUE`;
    const rest = await db.$queryRaw<Row[]>`
      WITH page AS (
        SELECT c.* FROM comment c
        WHERE ${base} AND ${after} AND NOT EXISTS (SELECT 1 FROM comment_suggestion s WHERE s."commentId" = c.id)
        ORDER BY c.id DESC LIMIT ${take - rows.length})
      SELECT ${CARD_COLUMNS}, NULL::float8 AS "hideProbability" FROM page c ${CARD_JOINS}
      ORDER BY c.id DESC`;
    rows = [...rows, ...rest];
  }
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > options.limit && last ? (last.hideProbability === null ? `n:${last.id}` : `s:${last.hideProbability}:${last.id}`) : null;
  return { items: await loadQueueItems(page.map(({ hideProbability: _probability, ...row }) => row)), nextCursor };
}
