import "server-only";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Prisma } from "@/lib/db/client";
import { enqueueWebhookEvent } from "@/lib/webhooks/enqueue-webhook-event";
import { onExternalRuleSaved } from "@/lib/external-classifier/external-rule-saved";
import { redactConfigUrls } from "@/lib/security/redact-url";
import { changedFields, type RuleSnapshot } from "./rule-snapshot";

export type RuleAuditAction = "rule.create" | "rule.update" | "rule.disable" | "rule.enable" | "rule.delete" | "rule.import";

export const ruleStateSelect = {
  id: true,
  name: true,
  description: true,
  category: true,
  kind: true,
  config: true,
  severity: true,
  action: true,
  enabled: true,
  version: true,
  deletedAt: true,
} satisfies Prisma.RuleSelect;

/** A snapshot as the audit log keeps it: an EXTERNAL rule's address without credentials written into it. */
function auditedSnapshot(snapshot: RuleSnapshot | null): RuleSnapshot | null {
  return snapshot && { ...snapshot, config: redactConfigUrls(snapshot.config) };
}

/**
 * The version row and the audit event of one saved rule state; call inside the change's transaction.
 * Returns the signing secret an EXTERNAL rule got with this save (shown once), or null.
 */
export async function recordRuleChange(
  tx: Prisma.TransactionClient,
  change: { actor: AuditActor; action: RuleAuditAction; ruleId: number; version: number; before: RuleSnapshot | null; after: RuleSnapshot },
): Promise<string | null> {
  const newSecret = await onExternalRuleSaved(tx, change.ruleId, change.before, change.after);
  await tx.ruleVersion.create({
    data: { ruleId: change.ruleId, version: change.version, snapshot: change.after as unknown as Prisma.InputJsonValue, changedById: change.actor.id },
  });
  await recordAuditEvent(tx, {
    actor: change.actor,
    action: change.action,
    entityType: "rule",
    entityId: change.ruleId,
    details: { version: change.version, changes: changedFields(change.before, change.after), before: auditedSnapshot(change.before), after: auditedSnapshot(change.after) },
  });
  await enqueueWebhookEvent((sql, params) => tx.$executeRawUnsafe(sql, ...params), {
    type: "rule.changed",
    orderingKey: `rule:${change.ruleId}`,
    data: { rule: { id: change.ruleId, version: change.version, change: change.action.replace("rule.", ""), name: change.after.name, category: change.after.category, enabled: change.after.enabled }, changes: changedFields(change.before, change.after), by: change.actor.label },
  });
  return newSecret;
}

/** P2002 on rule.name → words; anything else passes through. */
export function isUniqueNameViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
