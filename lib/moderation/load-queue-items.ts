import "server-only";
import { db } from "@/lib/db/client";
import type { ReaderNote, ReportTally } from "@/lib/reports/summarize-reports";
import { suggestionsFor } from "@/lib/suggest/suggestions-for";
import { Prisma } from "@/lib/generated/prisma/client";
import { notScoredFor } from "@/lib/external-classifier/not-scored";
import { parseSpans, type CardNotes, type CommentStatusName, type FlagDto, type QueueItem } from "./queue-item";

export interface CommentRow {
  id: number;
  version: number;
  status: CommentStatusName;
  priority: number;
  reportCount: number;
  isHeld: boolean;
  body: string;
  postedAt: Date;
  authorName: string | null;
  articleId: number;
  articleTitle: string;
  parentId: number | null;
  parentAuthorName: string | null;
  parentBody: string | null;
  decidedAt: Date | null;
  decidedBy: string | null;
}

/** The columns and joins of a card, over a derived table `c` of comment rows. */
export const CARD_COLUMNS = Prisma.sql`c.id, c.version, c.status::text AS status, c.priority, c."reportCount", c."isHeld", c.body, c."postedAt", c."authorName",
  c."articleId", a.title AS "articleTitle", c."parentId", p."authorName" AS "parentAuthorName", p.body AS "parentBody",
  c."decidedAt", u.email AS "decidedBy"`;
export const CARD_JOINS = Prisma.sql`JOIN article a ON a.id = c."articleId"
  LEFT JOIN comment p ON p.id = c."parentId"
  LEFT JOIN "user" u ON u.id = c."decidedById"`;

const cardFlagSelect = { commentId: true, category: true, reason: true, spans: true, rule: { select: { id: true, name: true } } } satisfies Prisma.FlagSelect;

/** Flags, the author's record, the last decision's reason and the notes for a page of rows: batched queries. */
export async function loadQueueItems(rows: CommentRow[]): Promise<QueueItem[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const reportedIds = rows.filter((row) => row.reportCount > 0).map((row) => row.id);
  const [flags, histories, reasons, notes, suggestions, reports, readerNotes, notScored] = await Promise.all([
    db.flag.findMany({ where: { commentId: { in: ids } }, orderBy: { id: "asc" }, select: cardFlagSelect }),
    // Running counts over each author's comments in posting order, one walk per author on the
    // page: counting each card's earlier comments separately walked a prolific author's history
    // once per card (50 cards of one author with 10,000 comments: half a million rows).
    db.$queryRaw<{ id: number; earlier: number; approved: number; hidden: number; pending: number }[]>`
      SELECT id, earlier, approved, hidden, pending FROM (
        SELECT h.id, (count(*) OVER earlier)::int AS earlier,
               (count(*) FILTER (WHERE h.status = 'APPROVED') OVER earlier)::int AS approved,
               (count(*) FILTER (WHERE h.status = 'HIDDEN') OVER earlier)::int AS hidden,
               (count(*) FILTER (WHERE h.status = 'PENDING') OVER earlier)::int AS pending
        FROM comment h
        WHERE h."authorName" IN (SELECT "authorName" FROM comment WHERE id = ANY(${ids}::int[]))
        WINDOW earlier AS (PARTITION BY h."authorName" ORDER BY h."postedAt", h.id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
      ) running
      WHERE id = ANY(${ids}::int[])`,
    db.$queryRaw<{ commentId: number; reason: string | null }[]>`
      SELECT DISTINCT ON ("commentId") "commentId", reason::text AS reason
      FROM decision WHERE "commentId" = ANY(${ids}::int[])
      ORDER BY "commentId", "createdAt" DESC, id DESC`,
    // The latest note per comment, with the count: one backward walk of comment_note(commentId, createdAt) each.
    db.$queryRaw<{ commentId: number; count: number; note: string; by: string | null; at: Date }[]>`
      SELECT DISTINCT ON (n."commentId") n."commentId", count(*) OVER (PARTITION BY n."commentId")::int AS count, n.note, u.email AS by, n."createdAt" AS at
      FROM comment_note n LEFT JOIN "user" u ON u.id = n."writerId"
      WHERE n."commentId" = ANY(${ids}::int[])
      ORDER BY n."commentId", n."createdAt" DESC, n.id DESC`,
    suggestionsFor(rows.filter((row) => row.status === "PENDING").map((row) => row.id)),
    reportedIds.length === 0
      ? Promise.resolve([])
      : db.$queryRaw<{ commentId: number; reason: string; count: number }[]>`
          SELECT "commentId", lower(reason::text) AS reason, sum(count)::int AS count
          FROM reader_report WHERE "commentId" = ANY(${reportedIds}::int[])
          GROUP BY "commentId", reason`,
    // Why readers reported it, in their words: the latest note per reported comment, with how many
    // carry one (the comment's page lists them all). Only reported comments: most pages read nothing.
    reportedIds.length === 0
      ? Promise.resolve([])
      : db.$queryRaw<{ commentId: number; reason: string; note: string; count: number }[]>`
          SELECT DISTINCT ON ("commentId") "commentId", lower(reason::text) AS reason, note, count(*) OVER (PARTITION BY "commentId")::int AS count
          FROM reader_report WHERE "commentId" = ANY(${reportedIds}::int[]) AND note IS NOT NULL
          ORDER BY "commentId", "receivedAt" DESC, id DESC`,
    notScoredFor(ids),
  ]);
  const reportsById = new Map<number, ReportTally[]>();
  for (const row of reports) reportsById.set(row.commentId, [...(reportsById.get(row.commentId) ?? []), { reason: row.reason as ReportTally["reason"], count: row.count }]);
  const readerNoteById = new Map<number, ReaderNote>(readerNotes.map((row) => [row.commentId, { reason: row.reason as ReaderNote["reason"], note: row.note, count: row.count }]));
  const flagsById = new Map<number, FlagDto[]>();
  for (const flag of flags) {
    const list = flagsById.get(flag.commentId) ?? [];
    list.push({ ruleId: flag.rule.id, ruleName: flag.rule.name, category: flag.category, reason: flag.reason, spans: parseSpans(flag.spans) });
    flagsById.set(flag.commentId, list);
  }
  const historyById = new Map(histories.map((history) => [history.id, history]));
  const reasonById = new Map(reasons.map((row) => [row.commentId, row.reason]));
  const notesById = new Map<number, CardNotes>(notes.map((row) => [row.commentId, { count: row.count, latest: { note: row.note, by: row.by, at: row.at.toISOString() } }]));
  return rows.map((row) => ({
    ...toQueueItem(row, flagsById.get(row.id) ?? [], historyById.get(row.id), reasonById.get(row.id) ?? null),
    reports: reportsById.get(row.id) ?? [],
    ...(readerNoteById.has(row.id) ? { readerNote: readerNoteById.get(row.id) } : {}),
    notes: notesById.get(row.id) ?? { count: 0, latest: null },
    suggestion: suggestions.get(row.id) ?? null,
    ...(notScored.has(row.id) ? { notScored: notScored.get(row.id) } : {}),
  }));
}

function toQueueItem(row: CommentRow, flags: FlagDto[], history: QueueItem["authorHistory"] | undefined, reason: string | null): Omit<QueueItem, "suggestion" | "notes" | "reports"> {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    priority: row.priority,
    isHeld: row.isHeld,
    body: row.body,
    postedAt: row.postedAt.toISOString(),
    authorName: row.authorName,
    article: { id: row.articleId, title: row.articleTitle },
    parent: row.parentId === null ? null : { id: row.parentId, authorName: row.parentAuthorName, body: row.parentBody ?? "" },
    flags,
    decision: row.decidedAt ? { by: row.decidedBy, at: row.decidedAt.toISOString(), reason: row.status === "HIDDEN" ? reason : null } : null,
    authorHistory: { earlier: history?.earlier ?? 0, approved: history?.approved ?? 0, hidden: history?.hidden ?? 0, pending: history?.pending ?? 0 },
  };
}
