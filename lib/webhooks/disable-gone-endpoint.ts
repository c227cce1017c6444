import "server-only";
import { recordAuditEvent, SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";

// A receiver that answers 410 Gone says it no longer wants these webhooks; Standard Webhooks asks
// the sender to disable the endpoint and stop sending (https://www.standardwebhooks.com, "Delivery
// success and failure"), rather than retry it for a day and a half. Its pending deliveries are
// kept: an admin who enables it again (a receiver answering 410 by mistake) loses nothing.

export const GONE_REASON = "the receiver answered 410 Gone";

/** Disables the endpoint unless it is disabled already; true when this call disabled it. */
export async function disableGoneEndpoint(endpointId: number, deliveryId: number): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({ where: { id: endpointId, enabled: true }, data: { enabled: false } });
    if (count === 0) return false;
    await recordAuditEvent(tx, { actor: SYSTEM_ACTOR, action: "webhook.disable", entityType: "webhook_endpoint", entityId: endpointId, details: { reason: GONE_REASON, deliveryId } });
    return true;
  });
}
