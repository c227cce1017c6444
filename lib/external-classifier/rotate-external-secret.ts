import "server-only";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { ROTATION_OVERLAP_HOURS } from "@/lib/webhooks/manage-endpoints";
import { newWebhookSecret } from "@/lib/webhooks/signing";
import { sealSigningSecret } from "@/lib/webhooks/signing-secret-store";

/**
 * A new signing secret for an EXTERNAL rule, shown once (as a webhook endpoint's). The old one
 * keeps signing beside it for ROTATION_OVERLAP_HOURS, so the endpoint can switch to the new one
 * without refusing a single call; a rotation during an overlap ends the older overlap.
 */
export async function rotateExternalRuleSecret(ruleId: number, actor: AuditActor): Promise<{ ruleId: number; secret: string; previousSecretUntil: Date }> {
  const secret = newWebhookSecret();
  const previousSecretUntil = new Date(Date.now() + ROTATION_OVERLAP_HOURS * 3_600_000);
  return db.$transaction(async (tx) => {
    const rule = await tx.rule.findFirst({ where: { id: ruleId, deletedAt: null }, select: { kind: true, name: true } });
    if (!rule) throw new AppError("NOT_FOUND", "This rule does not exist.");
    if (rule.kind !== "EXTERNAL") throw new AppError("INVALID", "Only an EXTERNAL rule has a signing secret.");
    const current = await tx.externalClassifierSecret.findUnique({ where: { ruleId }, select: { secret: true } });
    if (!current) throw new AppError("INVALID", "This rule has no signing secret yet: save it once to get one.");
    await tx.externalClassifierSecret.update({ where: { ruleId }, data: { secret: sealSigningSecret(secret), previousSecret: current.secret, previousSecretUntil, rotatedAt: new Date() } });
    await recordAuditEvent(tx, { actor, action: "rule.rotate_secret", entityType: "rule", entityId: ruleId, details: { ruleName: rule.name, previousSecretUntil: previousSecretUntil.toISOString() } });
    return { ruleId, secret, previousSecretUntil };
  });
}
