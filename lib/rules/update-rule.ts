import "server-only";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import { changeRule, type RuleChangeResult } from "./change-rule";
import type { RuleDraft } from "./rule-draft-schema";

/** Saves an edited rule (guarded by the version the admin opened). */
export function updateRule(id: number, expectedVersion: number, draft: RuleDraft, actor: AuditActor): Promise<RuleChangeResult> {
  return changeRule({
    id,
    expectedVersion,
    actor,
    action: "rule.update",
    next: (current) => ({
      ...current,
      name: draft.name,
      description: draft.description === "" ? null : draft.description,
      category: draft.category,
      kind: draft.kind,
      config: draft.config,
      severity: draft.severity,
      action: draft.action,
      enabled: draft.enabled,
    }),
  });
}
