import "server-only";
import { db } from "@/lib/db/client";
import type { ExternalConfig } from "@/lib/detect/external-answer";
import { parseRuleConfig } from "@/lib/detect/schemas";
import type { RuleAction, RuleCategory } from "@/lib/detect/types";
import { newWebhookSecret } from "@/lib/webhooks/signing";

/** An EXTERNAL rule as the scoring code takes it: the engine's id shape, its parsed config, its secret. */
export interface ExternalRule {
  id: string;
  version: number;
  name: string;
  category: RuleCategory;
  action: RuleAction;
  severity: number;
  config: ExternalConfig;
  secret: string;
}

interface RuleRow { id: number; version: number; name: string; category: RuleCategory; action: RuleAction; severity: number; config: unknown }

/** A stored row with a valid config as an ExternalRule (a rule without a stored secret signs with a throwaway one). */
export function externalRuleOf(row: RuleRow, secret: string | undefined): ExternalRule | null {
  const parsed = parseRuleConfig("EXTERNAL", row.config);
  if (!parsed.ok) return null;
  return { id: String(row.id), version: row.version, name: row.name, category: row.category, action: row.action, severity: row.severity, config: parsed.config, secret: secret ?? newWebhookSecret() };
}

/** The enabled EXTERNAL rules, oldest first, with their secrets. */
export async function loadExternalRules(): Promise<ExternalRule[]> {
  const rows = await db.rule.findMany({ where: { kind: "EXTERNAL", enabled: true, deletedAt: null }, orderBy: { id: "asc" } });
  if (rows.length === 0) return [];
  const secrets = await db.externalClassifierSecret.findMany({ where: { ruleId: { in: rows.map((row) => row.id) } } });
  const secretOf = new Map(secrets.map((row) => [row.ruleId, row.secret]));
  return rows.flatMap((row) => externalRuleOf(row, secretOf.get(row.id)) ?? []);
}

/** The stored secret of a rule, if it is an EXTERNAL rule that has one. */
export async function externalSecretOf(ruleId: number): Promise<string | undefined> {
  return (await db.externalClassifierSecret.findUnique({ where: { ruleId } }))?.secret;
}
