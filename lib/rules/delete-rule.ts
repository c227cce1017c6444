import "server-only";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import { changeRule, type RuleChangeResult } from "./change-rule";

/** Soft delete: flags keep pointing at the rule and its versions; it stops running at once. */
export function deleteRule(id: number, expectedVersion: number, actor: AuditActor): Promise<RuleChangeResult> {
  return changeRule({ id, expectedVersion, actor, action: "rule.delete", next: (current) => ({ ...current, deleted: true }) });
}
