import "server-only";
import type { Prisma } from "@/lib/db/client";
import { db } from "@/lib/db/client";

export const ruleListSelect = {
  id: true,
  name: true,
  description: true,
  category: true,
  kind: true,
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
