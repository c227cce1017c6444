import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { noteDecisionForRetraining } from "@/lib/jobs/enqueue-retrain-if-due";
import { applyTransition, inDecidersZone, type Decider, type TransitionResult } from "./apply-transition";
import { targetStatus } from "./policy";
import type { DecideInput } from "./schemas";

/** Approve or hide one comment, guarded by the version and status the moderator saw. */
export async function decideComment(input: DecideInput, actor: Decider, options: { bulkRunId?: number } = {}): Promise<TransitionResult> {
  const to = targetStatus(input.action, input.expectedStatus);
  if (!to) throw new AppError("INVALID", `This comment is already ${input.expectedStatus.toLowerCase()}.`);
  const reason = input.action === "HIDE" ? input.reason : null;
  const transition = {
    commentId: input.commentId,
    expectedVersion: input.expectedVersion,
    from: input.expectedStatus,
    to,
    action: input.action,
    reason,
    note: input.note,
    auditAction: input.action === "APPROVE" ? "comment.approve" : "comment.hide",
    bulkRunId: options.bulkRunId,
    ...(options.bulkRunId ? { auditDetails: { bulkRunId: options.bulkRunId } } : {}),
  };
  let result: TransitionResult;
  try {
    // Many moderators at once queue for a pool connection rather than fail after Prisma's 2 s default.
    result = await db.$transaction((tx) => applyTransition(tx, actor, transition), { maxWait: 10_000, timeout: 10_000 });
  } catch (error) {
    throw await inDecidersZone(error, actor);
  }
  // Not awaited: a throttled check that may enqueue the suggestion model's retraining.
  noteDecisionForRetraining();
  return result;
}
