import "server-only";
import { db } from "@/lib/db/client";
import { CARD_COLUMNS, CARD_JOINS, loadQueueItems, type CommentRow } from "./load-queue-items";
import type { CommentStatusName, QueueItem } from "./queue-item";
import { Prisma } from "@/lib/generated/prisma/client";

const authorNoteSelect = { id: true, note: true, createdAt: true, writer: { select: { email: true } } } satisfies Prisma.AuthorNoteSelect;
const watchRuleSelect = { id: true, name: true, action: true, category: true, enabled: true, config: true } satisfies Prisma.RuleSelect;

export const AUTHOR_PAGE_LIMIT = 500;

export interface AuthorProfile {
  authorName: string;
  comments: QueueItem[];
  counts: { total: number; pending: number; approved: number; hidden: number };
  notes: Prisma.AuthorNoteGetPayload<{ select: typeof authorNoteSelect }>[];
  watchRules: Prisma.RuleGetPayload<{ select: typeof watchRuleSelect }>[];
}

/**
 * Everything the author view shows: their latest comments with decisions (only those in `status`,
 * when given; the counts are always of all), notes, and watch-list rules.
 */
export async function getAuthorProfile(authorName: string, status: CommentStatusName | null = null): Promise<AuthorProfile> {
  const inStatus = status === null ? Prisma.empty : Prisma.sql`AND c.status = ${status}::"CommentStatus"`;
  const [rows, countRows, notes, rules] = await Promise.all([
    db.$queryRaw<CommentRow[]>`
      SELECT ${CARD_COLUMNS} FROM comment c ${CARD_JOINS}
      WHERE c."authorName" = ${authorName} ${inStatus} ORDER BY c."postedAt" DESC, c.id DESC LIMIT ${AUTHOR_PAGE_LIMIT}`,
    db.$queryRaw<AuthorProfile["counts"][]>`
      SELECT count(*)::int AS total, (count(*) FILTER (WHERE status = 'PENDING'))::int AS pending,
             (count(*) FILTER (WHERE status = 'APPROVED'))::int AS approved, (count(*) FILTER (WHERE status = 'HIDDEN'))::int AS hidden
      FROM comment WHERE "authorName" = ${authorName}`,
    db.authorNote.findMany({ where: { authorName }, orderBy: { createdAt: "asc" }, select: authorNoteSelect }),
    // Watch rules are few; match case-insensitively as the importer does.
    db.rule.findMany({ where: { kind: "AUTHOR", deletedAt: null }, select: watchRuleSelect }),
  ]);
  const watchRules = rules.filter((rule) => watchedName(rule.config)?.toLowerCase() === authorName.toLowerCase());
  return { authorName, comments: await loadQueueItems(rows), counts: countRows[0] ?? { total: 0, pending: 0, approved: 0, hidden: 0 }, notes, watchRules };
}

function watchedName(config: unknown): string | null {
  const name = (config as { authorName?: unknown } | null)?.authorName;
  return typeof name === "string" ? name : null;
}
