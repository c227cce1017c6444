import "server-only";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import { db, type Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isUniqueNameViolation, recordRuleChange, ruleStateSelect, type RuleAuditAction } from "./record-rule-change";
import { changedFields, ruleSnapshot, type RuleSnapshot } from "./rule-snapshot";

export interface RuleChangeRequest {
  id: number;
  /** The version the admin saw: the guard against overwriting someone else's save. */
  expectedVersion: number;
  actor: AuditActor;
  action: RuleAuditAction;
  /** The new state, from the current one. */
  next: (current: RuleSnapshot) => RuleSnapshot;
}

export interface RuleChangeResult {
  id: number;
  version: number;
  changes: string[];
  /** Set when this save made the rule EXTERNAL for the first time: its signing secret, shown once. */
  secret?: string;
}

/**
 * The one guarded transition of a rule (update, enable, disable, delete): updateMany with the
 * expected version, exactly one row or CONFLICT naming who saved last; then the version row and
 * the audit event, in the same transaction. A save that changes nothing writes nothing.
 */
export async function changeRule(request: RuleChangeRequest): Promise<RuleChangeResult> {
  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.rule.findUnique({ where: { id: request.id }, select: ruleStateSelect });
      if (!current || current.deletedAt) throw new AppError("NOT_FOUND", "This rule does not exist or was deleted.");
      if (current.version !== request.expectedVersion) throw await conflict(tx, request.id, current.version);
      const before = ruleSnapshot(current);
      const after = request.next(before);
      const changes = changedFields(before, after);
      if (changes.length === 0) return { id: request.id, version: current.version, changes };
      const updated = await tx.rule.updateMany({
        where: { id: request.id, version: request.expectedVersion, deletedAt: null },
        data: {
          name: after.name,
          description: after.description,
          category: after.category,
          kind: after.kind as Prisma.RuleUpdateManyMutationInput["kind"],
          config: after.config as Prisma.InputJsonValue,
          severity: after.severity,
          action: after.action,
          enabled: after.enabled,
          deletedAt: after.deleted ? new Date() : null,
          version: { increment: 1 },
        },
      });
      if (updated.count !== 1) throw await conflict(tx, request.id, current.version + 1);
      const version = request.expectedVersion + 1;
      const secret = await recordRuleChange(tx, { actor: request.actor, action: request.action, ruleId: request.id, version, before, after });
      return { id: request.id, version, changes, ...(secret ? { secret } : {}) };
    });
  } catch (error) {
    if (isUniqueNameViolation(error)) throw new AppError("CONFLICT", "Another rule already has this name (perhaps deleted). Choose another name.");
    throw error;
  }
}

async function conflict(tx: Prisma.TransactionClient, ruleId: number, version: number): Promise<AppError> {
  const last = await tx.ruleVersion.findFirst({ where: { ruleId }, orderBy: { version: "desc" }, select: { version: true, changedBy: { select: { email: true } } } });
  const who = last?.changedBy?.email ?? "someone else";
  return new AppError("CONFLICT", `${who} saved this rule (version ${last?.version ?? version}) since you opened it. Reload to see their version, then apply your change again.`);
}
