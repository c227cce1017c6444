import "server-only";
import type { Prisma } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import { countQueueTabs, type QueueCounts } from "./count-queue-tabs";
import type { CommentStatusName } from "./queue-item";

/**
 * Decisions may commit a moment after the time they carry, so each poll asks again for a short
 * window before the last answer's `now`; the client drops decisions it has already seen by id.
 */
export const CHANGES_OVERLAP_MS = 10_000;
/** Changes per answer; past it the answer names the next page (`next`) instead of leaving the rest out. */
export const MAX_CHANGES = 500;

const changeSelect = {
  id: true,
  commentId: true,
  action: true,
  toStatus: true,
  reason: true,
  createdAt: true,
  moderatorId: true,
  moderator: { select: { email: true } },
  comment: { select: { version: true, status: true } },
} satisfies Prisma.DecisionSelect;

export interface QueueChange {
  decisionId: number;
  commentId: number;
  action: string;
  status: CommentStatusName;
  /** The comment's version now, so the card can decide again without a reload. */
  version: number;
  by: string | null;
  byId: string | null;
  reason: string | null;
  at: string;
}

export interface QueueChangesPage {
  now: string;
  changes: QueueChange[];
  counts: QueueCounts;
  /** Where the next page starts when more changes than one answer holds happened; null when this is all. */
  next: { afterAt: string; afterId: number } | null;
}

/**
 * Decisions since `since` (less the overlap), oldest first, a page at a time: a bulk run decides
 * thousands in seconds, and an answer that kept only the first 500 left the rest of them pending
 * on every other open queue. `after` continues a page (same `since`, ordered by time, then id).
 */
export async function listQueueChanges(since: Date, after?: { afterAt: Date; afterId: number }, limit = MAX_CHANGES): Promise<QueueChangesPage> {
  const now = new Date();
  const from = new Date(since.getTime() - CHANGES_OVERLAP_MS);
  const where: Prisma.DecisionWhereInput = after
    ? { createdAt: { gt: from }, OR: [{ createdAt: { gt: after.afterAt } }, { createdAt: after.afterAt, id: { gt: after.afterId } }] }
    : { createdAt: { gt: from } };
  const [decisions, counts] = await Promise.all([
    db.decision.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: limit + 1, select: changeSelect }),
    countQueueTabs(),
  ]);
  const page = decisions.slice(0, limit);
  const last = page.at(-1);
  const changes = page.map((decision) => ({
    decisionId: decision.id,
    commentId: decision.commentId,
    action: decision.action,
    status: decision.comment.status,
    version: decision.comment.version,
    by: decision.moderator?.email ?? null,
    byId: decision.moderatorId,
    reason: decision.reason,
    at: decision.createdAt.toISOString(),
  }));
  const next = decisions.length > limit && last ? { afterAt: last.createdAt.toISOString(), afterId: last.id } : null;
  return { now: now.toISOString(), changes, counts, next };
}
