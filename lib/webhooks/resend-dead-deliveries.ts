import "server-only";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

// Replays an endpoint's dead deliveries at once, after a receiver has been fixed or was down past
// the retry schedule. Standard Webhooks asks producers for a way to "replay ... failures within a
// range in order to recover from long outages" (https://www.standardwebhooks.com, "Visibility into
// failures and manual retries"); one Resend per row of the latest 50 is not that. Each delivery keeps
// its webhook-id (a receiver that did process it drops the repeat) and its body; they all become due
// now with a fresh retry schedule, and the claim sends them oldest first, a comment's in order.

export interface ResendDeadResult {
  endpointId: number;
  requeued: number;
}

/** Every dead delivery of the endpoint created at or after `since` (all of them without it), due now. */
export async function resendDeadWebhookDeliveries(endpointId: number, actor: AuditActor, since?: Date): Promise<ResendDeadResult> {
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id: endpointId }, select: { id: true } });
    if (!endpoint) throw new AppError("NOT_FOUND", "This webhook endpoint does not exist.");
    const { count } = await tx.webhookDelivery.updateMany({
      where: { endpointId, status: "DEAD", ...(since ? { createdAt: { gte: since } } : {}) },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date() },
    });
    await recordAuditEvent(tx, { actor, action: "webhook.resend_dead", entityType: "webhook_endpoint", entityId: endpointId, details: { requeued: count, ...(since ? { since: since.toISOString() } : {}) } });
    return { endpointId, requeued: count };
  });
}
