import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/client";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";

export interface WatchAuthorInput {
  authorName: string;
  action: "HOLD" | "AUTO_HIDE";
  category: "OFF_TOPIC" | "NATIONALIST" | "ABUSIVE" | "SPAM";
}

const WATCH_SEVERITY = 3;

/**
 * Puts an author on the watch list: an AUTHOR rule the importer applies to their future comments
 * (hold them for review, or hide them at once). Moderators may do this without rules:write; the
 * audit log records who did.
 */
export async function watchAuthor(input: WatchAuthorInput, actor: AuditActor & { id: string }): Promise<{ ruleId: number }> {
  const name = `Watch list: ${input.authorName}`;
  const config = { authorName: input.authorName, action: input.action } satisfies Prisma.InputJsonObject;
  try {
    return await db.$transaction(async (tx) => {
      const rule = await tx.rule.create({
        data: { name, description: `Added from the author view by ${actor.label}`, category: input.category, kind: "AUTHOR", config, severity: WATCH_SEVERITY, action: input.action },
        select: { id: true, version: true },
      });
      const snapshot = { name, category: input.category, kind: "AUTHOR", config, severity: WATCH_SEVERITY, action: input.action, enabled: true };
      await tx.ruleVersion.create({ data: { ruleId: rule.id, version: rule.version, snapshot, changedById: actor.id } });
      await recordAuditEvent(tx, { actor, action: "author.watch", entityType: "rule", entityId: rule.id, details: { authorName: input.authorName, action: input.action, category: input.category } });
      return { ruleId: rule.id };
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === "P2002") throw new AppError("CONFLICT", `${input.authorName} is already on the watch list.`);
    throw error;
  }
}
