// The queue bench's first-version decision: what a competent engineer writes before the product's
// decision path, as a baseline for one decision (queue-measure.ts). The guarded UPDATE, the
// decision row and an audit event in one Prisma transaction on the app's pool, without the hash
// chain's lock and hash, the outbox rows (webhooks, connectors) or the conflict message.
import { randomUUID } from "node:crypto";

/** Decides one pending comment (approve, or hide as spam) the first version's way; throws if it was decided already. */
export async function firstVersionDecision(moderator: { id: string; label: string }): Promise<(commentId: number, hide: boolean) => Promise<void>> {
  // Imported after DATABASE_URL is set: the client opens its pool on first use.
  const { db } = await import("@/lib/db/client");
  return (commentId, hide) =>
    db.$transaction(
      async (tx) => {
        const decidedAt = new Date();
        const to = hide ? "HIDDEN" : "APPROVED";
        const { count } = await tx.comment.updateMany({ where: { id: commentId, version: 0, status: "PENDING" }, data: { status: to, version: { increment: 1 }, decidedAt, decidedById: moderator.id } });
        if (count !== 1) throw new Error(`the first-version baseline found comment ${commentId} decided already`);
        const decision = await tx.decision.create({
          data: { commentId, action: hide ? "HIDE" : "APPROVE", fromStatus: "PENDING", toStatus: to, reason: hide ? "SPAM" : null, moderatorId: moderator.id, createdAt: decidedAt },
          select: { id: true },
        });
        // No chain: the columns the chain needs get a placeholder and a unique random value.
        await tx.auditEvent.create({
          data: { actorId: moderator.id, actorLabel: moderator.label, action: hide ? "comment.hide" : "comment.approve", entityType: "comment", entityId: String(commentId), details: { decisionId: decision.id, fromStatus: "PENDING", toStatus: to, ...(hide ? { reason: "SPAM" } : {}) }, prevHash: "", hash: randomUUID() },
          select: { id: true },
        });
      },
      { maxWait: 10_000, timeout: 10_000 },
    );
}
