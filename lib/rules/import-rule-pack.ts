import "server-only";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { createRule } from "./create-rule";
import type { RulePack } from "./rule-pack-schema";
import { updateRule } from "./update-rule";

export interface RulePackImportReport {
  created: string[];
  updated: string[];
  unchanged: string[];
  /** Names held by deleted rules: restoring a deleted rule is a decision for the dashboard. */
  skipped: string[];
  /** EXTERNAL rules that got their signing secret with this import: shown once, by the caller. */
  secrets: { name: string; secret: string }[];
}

/**
 * Creates the pack's new rules and updates those with the same name, each through the same
 * versioned, audited path as the dashboard (a new version only when something changed).
 */
export async function importRulePack(pack: RulePack, actor: AuditActor): Promise<RulePackImportReport> {
  const report: RulePackImportReport = { created: [], updated: [], unchanged: [], skipped: [], secrets: [] };
  const existing = new Map(
    (await db.rule.findMany({ where: { name: { in: pack.rules.map((rule) => rule.name) } }, select: { id: true, name: true, version: true, deletedAt: true } })).map((row) => [row.name, row]),
  );
  for (const draft of pack.rules) {
    const current = existing.get(draft.name);
    if (!current) {
      const created = await createRule(draft, actor);
      report.created.push(draft.name);
      if (created.secret) report.secrets.push({ name: draft.name, secret: created.secret });
    } else if (current.deletedAt) {
      report.skipped.push(draft.name);
    } else {
      const result = await updateRule(current.id, current.version, draft, actor);
      (result.changes.length > 0 ? report.updated : report.unchanged).push(draft.name);
      if (result.secret) report.secrets.push({ name: draft.name, secret: result.secret });
    }
  }
  return report;
}
