import "server-only";
import type { Prisma } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import { ruleStateSelect } from "./record-rule-change";
import { redactConfigUrls } from "@/lib/security/redact-url";

export const ruleListSelect = {
  id: true,
  name: true,
  description: true,
  category: true,
  kind: true,
  // For the fingerprint that tells whether the recorded corpus figures still describe this rule.
  config: true,
  severity: true,
  action: true,
  enabled: true,
  version: true,
  updatedAt: true,
  _count: { select: { flags: true } },
} satisfies Prisma.RuleSelect;

export type RuleListItem = Prisma.RuleGetPayload<{ select: typeof ruleListSelect }>;

export function listRules(): Promise<RuleListItem[]> {
  return db.rule.findMany({ where: { deletedAt: null }, orderBy: [{ category: "asc" }, { name: "asc" }], select: ruleListSelect });
}

/** What the edit form needs: the saved state (shared with the change log) and when it was saved. */
export const ruleEditSelect = { ...ruleStateSelect, updatedAt: true } satisfies Prisma.RuleSelect;

export type RuleForEdit = Prisma.RuleGetPayload<{ select: typeof ruleEditSelect }>;

export function getRuleForEdit(id: number): Promise<RuleForEdit | null> {
  return db.rule.findFirst({ where: { id, deletedAt: null }, select: ruleEditSelect });
}

/** The rule's config as the form shows it: a reader who cannot edit it sees an EXTERNAL endpoint's address without its credentials. */
export function ruleConfigAsShown(rule: RuleForEdit, canWrite: boolean): RuleForEdit["config"] {
  return canWrite ? rule.config : (redactConfigUrls(rule.config) as RuleForEdit["config"]);
}

export const ruleVersionSelect = {
  version: true,
  createdAt: true,
  changedBy: { select: { email: true } },
} satisfies Prisma.RuleVersionSelect;

export type RuleVersionItem = Prisma.RuleVersionGetPayload<{ select: typeof ruleVersionSelect }>;

export function listRuleVersions(ruleId: number, take = 20): Promise<RuleVersionItem[]> {
  return db.ruleVersion.findMany({ where: { ruleId }, orderBy: { version: "desc" }, take, select: ruleVersionSelect });
}

export const ruleRerunSelect = {
  id: true,
  status: true,
  pendingOnly: true,
  requestedBy: true,
  total: true,
  processed: true,
  flagged: true,
  autoHidden: true,
  error: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} satisfies Prisma.RuleRerunSelect;

export type RuleRerunItem = Prisma.RuleRerunGetPayload<{ select: typeof ruleRerunSelect }>;

export function listRecentReruns(take = 5): Promise<RuleRerunItem[]> {
  return db.ruleRerun.findMany({ orderBy: { id: "desc" }, take, select: ruleRerunSelect });
}
