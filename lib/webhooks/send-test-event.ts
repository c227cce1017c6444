import "server-only";
import { randomBytes } from "node:crypto";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { WEBHOOK_TEST_EVENT } from "./events";

// "Send test event" on the Webhooks page: one `webhook.test` delivery to one endpoint, whatever
// events it subscribed to, through the same outbox, signing, retries and breaker as a real event,
// so what the receiver and the delivery log show is what a real event would get.

export async function sendWebhookTestEvent(endpointId: number, actor: AuditActor): Promise<{ deliveryId: number; messageId: string }> {
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id: endpointId }, select: { enabled: true } });
    if (!endpoint) throw new AppError("NOT_FOUND", "This webhook endpoint does not exist.");
    if (!endpoint.enabled) throw new AppError("INVALID", "This endpoint is disabled: enable it to send it a test event.");
    const messageId = `msg_${randomBytes(12).toString("hex")}_${endpointId}`;
    const payload = {
      type: WEBHOOK_TEST_EVENT,
      timestamp: new Date().toISOString(),
      data: { endpoint: { id: endpointId }, by: actor.label, message: "A test event from Moddesk: verify its signature, answer 2xx, and change nothing." },
    };
    const delivery = await tx.webhookDelivery.create({
      data: { endpointId, messageId, eventType: WEBHOOK_TEST_EVENT, orderingKey: `test:${messageId}`, payload },
      select: { id: true },
    });
    await recordAuditEvent(tx, { actor, action: "webhook.test", entityType: "webhook_endpoint", entityId: endpointId, details: { deliveryId: delivery.id } });
    return { deliveryId: delivery.id, messageId };
  });
}
