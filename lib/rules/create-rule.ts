import "server-only";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import { db, type Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isUniqueNameViolation, recordRuleChange, ruleStateSelect } from "./record-rule-change";
import type { RuleDraft } from "./rule-draft-schema";
import { ruleSnapshot } from "./rule-snapshot";

export function ruleData(draft: RuleDraft) {
  return {
    name: draft.name,
    description: draft.description === "" ? null : draft.description,
    category: draft.category,
    kind: draft.kind,
    config: draft.config as Prisma.InputJsonValue,
    severity: draft.severity,
    action: draft.action,
    enabled: draft.enabled,
  };
}

/** Creates a rule at version 1, with its version row and audit event (and an EXTERNAL rule's secret, returned once). */
export async function createRule(draft: RuleDraft, actor: AuditActor): Promise<{ id: number; version: number; secret?: string }> {
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.rule.create({ data: { ...ruleData(draft), version: 1 }, select: ruleStateSelect });
      const secret = await recordRuleChange(tx, { actor, action: "rule.create", ruleId: row.id, version: row.version, before: null, after: ruleSnapshot(row) });
      return { id: row.id, version: row.version, ...(secret ? { secret } : {}) };
    });
  } catch (error) {
    if (isUniqueNameViolation(error)) throw new AppError("CONFLICT", `A rule named '${draft.name}' already exists (perhaps deleted). Choose another name.`);
    throw error;
  }
}
