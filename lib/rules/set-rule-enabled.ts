import "server-only";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import { changeRule, type RuleChangeResult } from "./change-rule";

export function setRuleEnabled(id: number, expectedVersion: number, enabled: boolean, actor: AuditActor): Promise<RuleChangeResult> {
  return changeRule({ id, expectedVersion, actor, action: enabled ? "rule.enable" : "rule.disable", next: (current) => ({ ...current, enabled }) });
}
