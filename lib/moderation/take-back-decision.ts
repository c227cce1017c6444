import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { applyTransition, inDecidersZone, type Decider, type TransitionResult } from "./apply-transition";
import type { TakeBackInput } from "./schemas";

export interface DecisionToTakeBack {
  id: number;
  commentId: number;
  action: "APPROVE" | "HIDE" | "UNDO" | "REVERT";
  fromStatus: "PENDING" | "APPROVED" | "HIDDEN";
  toStatus: "PENDING" | "APPROVED" | "HIDDEN";
  moderatorId: string | null;
  createdAt: Date;
}

/**
 * UNDO and REVERT are decisions of their own: a new Decision row restoring the status the taken-back
 * decision found, guarded like any decision (the comment must still be in the status that decision
 * left, at the version the moderator saw).
 */
export async function takeBackDecision(
  kind: "UNDO" | "REVERT",
  input: TakeBackInput,
  actor: Decider,
  check: (decision: DecisionToTakeBack) => void,
): Promise<TransitionResult> {
  const decision = await db.decision.findUnique({
    where: { id: input.decisionId },
    select: { id: true, commentId: true, action: true, fromStatus: true, toStatus: true, moderatorId: true, createdAt: true },
  });
  if (!decision) throw new AppError("NOT_FOUND", "This decision does not exist.");
  check(decision);
  try {
    return await db.$transaction((tx) => takeBackTransition(tx, actor, kind, decision, input.expectedVersion), { maxWait: 10_000, timeout: 10_000 });
  } catch (error) {
    throw await inDecidersZone(error, actor);
  }
}

/** The transition taking one decision back, inside the caller's transaction (also a bulk run's undo, decision by decision). */
export async function takeBackTransition(
  tx: Prisma.TransactionClient,
  actor: Decider,
  kind: "UNDO" | "REVERT",
  decision: Pick<DecisionToTakeBack, "id" | "commentId" | "fromStatus" | "toStatus">,
  expectedVersion: number,
  bulkRunId?: number,
): Promise<TransitionResult> {
  // Restoring HIDDEN restores why it was hidden, so the card and conflict messages still say it.
  const reason =
    decision.fromStatus === "HIDDEN"
      ? ((await tx.decision.findFirst({ where: { commentId: decision.commentId, toStatus: "HIDDEN", id: { lt: decision.id } }, orderBy: { id: "desc" }, select: { reason: true } }))?.reason ?? null)
      : null;
  return applyTransition(tx, actor, {
    commentId: decision.commentId,
    expectedVersion,
    from: decision.toStatus,
    to: decision.fromStatus,
    action: kind,
    reason,
    revertsId: decision.id,
    bulkRunId,
    auditAction: kind === "UNDO" ? "comment.undo" : "comment.revert",
    ...(bulkRunId ? { auditDetails: { bulkRunId } } : {}),
  });
}
