import "server-only";
import { db } from "@/lib/db/client";
import type { ExternalConfig } from "@/lib/detect/external-answer";
import { parseRuleConfig } from "@/lib/detect/schemas";
import type { RuleAction, RuleCategory } from "@/lib/detect/types";
import { newWebhookSecret, type SigningSecrets } from "@/lib/webhooks/signing";
import { openSigningSecrets } from "@/lib/webhooks/signing-secret-store";

/** An EXTERNAL rule as the scoring code takes it: the engine's id shape, its parsed config, its secrets. */
export interface ExternalRule {
  id: string;
  version: number;
  name: string;
  category: RuleCategory;
  action: RuleAction;
  severity: number;
  config: ExternalConfig;
  /** The signing secret, and after a rotation the previous one while it still signs too. */
  signing: SigningSecrets;
}

interface RuleRow { id: number; version: number; name: string; category: RuleCategory; action: RuleAction; severity: number; config: unknown }

/** A stored row with a valid config as an ExternalRule (a rule without a stored secret signs with a throwaway one). */
export function externalRuleOf(row: RuleRow, stored: SigningSecrets | undefined): ExternalRule | null {
  const parsed = parseRuleConfig("EXTERNAL", row.config);
  if (!parsed.ok) return null;
  const signing = stored ?? { secret: newWebhookSecret(), previousSecret: null, previousSecretUntil: null };
  return { id: String(row.id), version: row.version, name: row.name, category: row.category, action: row.action, severity: row.severity, config: parsed.config, signing };
}

const signingSelect = { ruleId: true, secret: true, previousSecret: true, previousSecretUntil: true } as const;

/** The enabled EXTERNAL rules, oldest first, with their secrets. */
export async function loadExternalRules(): Promise<ExternalRule[]> {
  const rows = await db.rule.findMany({ where: { kind: "EXTERNAL", enabled: true, deletedAt: null }, orderBy: { id: "asc" } });
  if (rows.length === 0) return [];
  const secrets = await db.externalClassifierSecret.findMany({ where: { ruleId: { in: rows.map((row) => row.id) } }, select: signingSelect });
  const secretOf = new Map(secrets.map((row) => [row.ruleId, openSigningSecrets(row)]));
  return rows.flatMap((row) => externalRuleOf(row, secretOf.get(row.id)) ?? []);
}

/** The stored signing secrets of a rule, if it is an EXTERNAL rule that has them. */
export async function externalSigningOf(ruleId: number): Promise<SigningSecrets | undefined> {
  const stored = await db.externalClassifierSecret.findUnique({ where: { ruleId }, select: signingSelect });
  return stored ? openSigningSecrets(stored) : undefined;
}

/** When the rule's secret was made and last rotated, and until when the previous one still signs: never the secrets. */
export async function externalSecretStatus(ruleId: number): Promise<{ createdAt: Date; rotatedAt: Date | null; previousSecretUntil: Date | null } | null> {
  return db.externalClassifierSecret.findUnique({ where: { ruleId }, select: { createdAt: true, rotatedAt: true, previousSecretUntil: true } });
}
