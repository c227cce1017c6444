import "server-only";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/client";
import { defaultRulePack } from "./default-pack";
import { ruleStateSelect } from "./record-rule-change";
import { ruleSnapshot } from "./rule-snapshot";

/**
 * Installs the rules of the default pack that are not there yet (by name), each with its v1
 * RuleVersion row so that flags on (ruleId, 1) stay explainable; returns how many.
 */
export async function installDefaultRulePack(actor: AuditActor): Promise<number> {
  const pack = defaultRulePack();
  return db.$transaction(async (tx) => {
    const existing = new Set((await tx.rule.findMany({ select: { name: true } })).map((rule) => rule.name));
    const missing = pack.filter((rule) => !existing.has(rule.name));
    if (missing.length === 0) return 0;
    await tx.rule.createMany({
      data: missing.map((rule) => ({
        name: rule.name,
        description: rule.description ?? null,
        category: rule.category,
        kind: rule.kind,
        config: rule.config as Prisma.InputJsonValue,
        severity: rule.severity,
        action: rule.action,
        enabled: rule.enabled,
      })),
    });
    const created = await tx.rule.findMany({ where: { name: { in: missing.map((rule) => rule.name) } }, select: ruleStateSelect });
    await tx.ruleVersion.createMany({
      data: created.map((row) => ({ ruleId: row.id, version: row.version, snapshot: ruleSnapshot(row) as unknown as Prisma.InputJsonValue, changedById: actor.id })),
    });
    await recordAuditEvent(tx, { actor, action: "rule.install_default_pack", entityType: "rule", details: { rules: missing.map((rule) => rule.name) } });
    return missing.length;
  });
}
