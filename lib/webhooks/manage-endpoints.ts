import "server-only";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { redactUrl } from "@/lib/security/redact-url";
import type { z } from "zod";
import type { createEndpointSchema } from "./schemas";
import { newWebhookSecret } from "./signing";
import { sealSigningSecret } from "./signing-secret-store";

// Endpoints as admins manage them; each change is audited (never with the secret in it, nor with
// credentials written into the URL: lib/security/redact-url.ts). An
// endpoint is disabled rather than deleted, so its delivery history stays readable.

/** How long the previous secret keeps signing after a rotation. */
export const ROTATION_OVERLAP_HOURS = 24;

type CreateEndpointInput = z.output<typeof createEndpointSchema>;

export async function createWebhookEndpoint(input: CreateEndpointInput, actor: AuditActor): Promise<{ id: number; secret: string }> {
  const secret = newWebhookSecret();
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({ data: { ...input, secret: sealSigningSecret(secret), createdById: actor.id }, select: { id: true } });
    await recordAuditEvent(tx, { actor, action: "webhook.create", entityType: "webhook_endpoint", entityId: endpoint.id, details: { url: redactUrl(input.url), events: input.events, timeoutMs: input.timeoutMs, allowPrivateNetwork: input.allowPrivateNetwork } });
    return { id: endpoint.id, secret };
  });
}

/** A new secret, shown once; the old one also signs for ROTATION_OVERLAP_HOURS. */
export async function rotateWebhookSecret(endpointId: number, actor: AuditActor): Promise<{ id: number; secret: string; previousSecretUntil: Date }> {
  const secret = newWebhookSecret();
  const previousSecretUntil = new Date(Date.now() + ROTATION_OVERLAP_HOURS * 3_600_000);
  return db.$transaction(async (tx) => {
    const current = await tx.webhookEndpoint.findUnique({ where: { id: endpointId }, select: { secret: true } });
    if (!current) throw new AppError("NOT_FOUND", "This webhook endpoint does not exist.");
    await tx.webhookEndpoint.update({ where: { id: endpointId }, data: { secret: sealSigningSecret(secret), previousSecret: current.secret, previousSecretUntil } });
    await recordAuditEvent(tx, { actor, action: "webhook.rotate_secret", entityType: "webhook_endpoint", entityId: endpointId, details: { previousSecretUntil: previousSecretUntil.toISOString() } });
    return { id: endpointId, secret, previousSecretUntil };
  });
}

export async function setWebhookEndpointEnabled(endpointId: number, enabled: boolean, actor: AuditActor): Promise<{ id: number; enabled: boolean }> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({ where: { id: endpointId }, data: { enabled } });
    if (count !== 1) throw new AppError("NOT_FOUND", "This webhook endpoint does not exist.");
    await recordAuditEvent(tx, { actor, action: enabled ? "webhook.enable" : "webhook.disable", entityType: "webhook_endpoint", entityId: endpointId });
    return { id: endpointId, enabled };
  });
}

/** Sends a delivery again now (a succeeded or dead one too): a new attempt of the same message id. */
export async function resendWebhookDelivery(deliveryId: number, actor: AuditActor): Promise<{ id: number }> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.webhookDelivery.updateMany({ where: { id: deliveryId }, data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date() } });
    if (count !== 1) throw new AppError("NOT_FOUND", "This delivery does not exist.");
    await recordAuditEvent(tx, { actor, action: "webhook.resend", entityType: "webhook_delivery", entityId: deliveryId });
    return { id: deliveryId };
  });
}
