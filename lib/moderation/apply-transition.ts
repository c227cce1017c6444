import "server-only";
import type { Prisma } from "@/lib/db/client";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { AppError, isAppError } from "@/lib/errors";
import { enqueueConnectorPush } from "@/lib/connectors/enqueue-connector-push";
import { enqueueWebhookEvent } from "@/lib/webhooks/enqueue-webhook-event";
import { conflictFields, conflictMessage, type CurrentDecision, type Status } from "./policy";

type DecisionAction = "APPROVE" | "HIDE" | "UNDO" | "REVERT";
type Reason = "OFF_TOPIC" | "NATIONALIST" | "ABUSIVE" | "SPAM" | "OTHER";

export interface Transition {
  commentId: number;
  expectedVersion: number;
  from: Status;
  to: Status;
  action: DecisionAction;
  reason?: Reason | null;
  note?: string | null;
  revertsId?: number | null;
  /** The "select all matches" run making this decision, so the run can be undone decision by decision. */
  bulkRunId?: number | null;
  /** Audit action: comment.approve, comment.hide, comment.undo, comment.revert. */
  auditAction: string;
  auditDetails?: Record<string, unknown>;
}

/**
 * Who decides: the audit actor, and the zone they read times in. A conflict message names the
 * winner's time; said in UTC to a moderator whose cards are in GMT+5, "12:03 UTC" read as a
 * different decision. A function, so the zone is looked up only when a conflict needs it.
 */
export type Decider = AuditActor & { id: string; readsTimesIn?: () => Promise<string> };

export interface TransitionResult {
  commentId: number;
  decisionId: number;
  status: Status;
  version: number;
  decidedAt: Date;
}

/**
 * The one guarded transition every decision goes through, inside the caller's transaction: the
 * UPDATE only matches the row the moderator saw (same version, same status), so of two moderators
 * deciding at once exactly one changes it; the other gets CONFLICT naming who came first.
 */
export async function applyTransition(tx: Prisma.TransactionClient, actor: AuditActor, transition: Transition): Promise<TransitionResult> {
  const decidedAt = new Date();
  const { count } = await tx.comment.updateMany({
    where: { id: transition.commentId, version: transition.expectedVersion, status: transition.from },
    data: { status: transition.to, version: { increment: 1 }, decidedAt, decidedById: actor.id },
  });
  if (count !== 1) throw await conflictFor(tx, transition.commentId);
  const decision = await tx.decision.create({
    data: {
      commentId: transition.commentId,
      action: transition.action,
      fromStatus: transition.from,
      toStatus: transition.to,
      reason: transition.reason ?? null,
      note: transition.note ?? null,
      moderatorId: actor.id,
      revertsId: transition.revertsId ?? null,
      bulkRunId: transition.bulkRunId ?? null,
      createdAt: decidedAt,
    },
    select: { id: true },
  });
  // The outbox row before the audit event: appending to the audit chain takes the chain's lock
  // until commit, and every decision of every instance waits on it, so nothing else may run after
  // it. With the audit event last, webhook endpoints add no time to that critical section (npm run
  // bench, section webhooks).
  await enqueueWebhookEvent((sql, params) => tx.$executeRawUnsafe(sql, ...params), {
    type: "comment.decided",
    orderingKey: `comment:${transition.commentId}`,
    commentId: transition.commentId,
    data: {
      decision: { id: decision.id, action: transition.action, fromStatus: transition.from, toStatus: transition.to, reason: transition.reason ?? null, decidedAt: decidedAt.toISOString(), by: actor.label },
    },
  });
  // The site the comment came from gets the decision too (lib/connectors), from the same outbox pattern.
  await enqueueConnectorPush((sql, params) => tx.$executeRawUnsafe(sql, ...params), {
    commentId: transition.commentId,
    decisionId: decision.id,
    to: transition.to,
    reason: transition.reason ?? null,
    note: transition.note ?? null,
  });
  await recordAuditEvent(tx, {
    actor,
    action: transition.auditAction,
    entityType: "comment",
    entityId: transition.commentId,
    details: {
      decisionId: decision.id,
      fromStatus: transition.from,
      toStatus: transition.to,
      ...(transition.reason ? { reason: transition.reason } : {}),
      ...(transition.note ? { note: transition.note } : {}),
      ...(transition.revertsId ? { revertsId: transition.revertsId } : {}),
      ...transition.auditDetails,
    },
  });
  return { commentId: transition.commentId, decisionId: decision.id, status: transition.to, version: transition.expectedVersion + 1, decidedAt };
}

/** Read after the failed UPDATE, so it sees the winner's committed row. */
async function conflictFor(tx: Prisma.TransactionClient, commentId: number): Promise<AppError> {
  const current = await tx.comment.findUnique({ where: { id: commentId }, select: { status: true, version: true, decidedAt: true, decidedById: true } });
  if (!current) return new AppError("NOT_FOUND", "This comment does not exist.");
  const [decider, lastDecision] = await Promise.all([
    current.decidedById ? tx.user.findUnique({ where: { id: current.decidedById }, select: { email: true } }) : null,
    tx.decision.findFirst({ where: { commentId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { reason: true } }),
  ]);
  const decision: CurrentDecision = { status: current.status, decidedBy: decider?.email ?? null, decidedAt: current.decidedAt, reason: lastDecision?.reason ?? null };
  return new AppError("CONFLICT", conflictMessage(decision), { status: current.status, version: current.version, decision }, conflictFields(decision, current.version));
}

/**
 * A conflict restated in the decider's zone, after the transaction (the zone lookup must not hold a
 * pool connection while the transaction holds another). Anything else is returned as it was.
 */
export async function inDecidersZone(error: unknown, decider: Decider): Promise<unknown> {
  if (!isAppError(error) || error.code !== "CONFLICT" || !decider.readsTimesIn) return error;
  const decision = error.details?.decision as CurrentDecision | undefined;
  if (!decision) return error;
  return new AppError("CONFLICT", conflictMessage(decision, await decider.readsTimesIn()), error.details, error.fields);
}
