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
const MAX_CHANGES = 500;

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

export async function listQueueChanges(since: Date): Promise<{ now: string; changes: QueueChange[]; counts: QueueCounts }> {
  const now = new Date();
  const from = new Date(since.getTime() - CHANGES_OVERLAP_MS);
  const [decisions, counts] = await Promise.all([
    db.decision.findMany({ where: { createdAt: { gt: from } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: MAX_CHANGES, select: changeSelect }),
    countQueueTabs(),
  ]);
  const changes = decisions.map((decision) => ({
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
  return { now: now.toISOString(), changes, counts };
}
