import "server-only";
import type { Prisma } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import { CARD_COLUMNS, CARD_JOINS, loadQueueItems, type CommentRow } from "./load-queue-items";
import type { QueueItem } from "./queue-item";

const historyDecisionSelect = {
  id: true,
  action: true,
  fromStatus: true,
  toStatus: true,
  reason: true,
  note: true,
  revertsId: true,
  createdAt: true,
  moderator: { select: { email: true } },
} satisfies Prisma.DecisionSelect;

const historyFlagSelect = {
  id: true,
  category: true,
  score: true,
  reason: true,
  ruleVersion: true,
  createdAt: true,
  rule: { select: { id: true, name: true } },
} satisfies Prisma.FlagSelect;

const withdrawnFlagSelect = {
  id: true,
  category: true,
  score: true,
  reason: true,
  ruleVersion: true,
  createdAt: true,
  withdrawnAt: true,
  rule: { select: { name: true } },
} satisfies Prisma.WithdrawnFlagSelect;

const commentNoteSelect = { id: true, note: true, createdAt: true, writer: { select: { email: true } } } satisfies Prisma.CommentNoteSelect;

export interface CommentDetail {
  item: QueueItem;
  decisions: Prisma.DecisionGetPayload<{ select: typeof historyDecisionSelect }>[];
  flags: Prisma.FlagGetPayload<{ select: typeof historyFlagSelect }>[];
  /** Flags a re-run took back (their rule disabled, deleted or changed), newest first. */
  withdrawnFlags: Prisma.WithdrawnFlagGetPayload<{ select: typeof withdrawnFlagSelect }>[];
  notes: Prisma.CommentNoteGetPayload<{ select: typeof commentNoteSelect }>[];
}

/** A comment with its whole history: flags, every decision (newest first) and internal notes. */
export async function getCommentDetail(commentId: number): Promise<CommentDetail | null> {
  const rows = await db.$queryRaw<CommentRow[]>`SELECT ${CARD_COLUMNS} FROM comment c ${CARD_JOINS} WHERE c.id = ${commentId}`;
  if (rows.length === 0) return null;
  const [items, decisions, flags, withdrawnFlags, notes] = await Promise.all([
    loadQueueItems(rows),
    db.decision.findMany({ where: { commentId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: historyDecisionSelect }),
    db.flag.findMany({ where: { commentId }, orderBy: { id: "asc" }, select: historyFlagSelect }),
    db.withdrawnFlag.findMany({ where: { commentId }, orderBy: { id: "desc" }, select: withdrawnFlagSelect }),
    db.commentNote.findMany({ where: { commentId }, orderBy: { createdAt: "asc" }, select: commentNoteSelect }),
  ]);
  const item = items[0];
  return item ? { item, decisions, flags, withdrawnFlags, notes } : null;
}
