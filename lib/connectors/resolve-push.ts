import "server-only";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

// What the desk does with a push that did not go through. A conflict (the comment changed on the
// site since Moddesk saw it) is either pushed anyway, overwriting the site's change, or settled by
// keeping the site's state: Moddesk then takes the site's version as the one it has seen, and its
// own status of the comment stays as decided. A failed push can be tried again.

export type PushResolution = "push-anyway" | "accept-site" | "retry";

const AUDIT_ACTIONS: Record<PushResolution, string> = { "push-anyway": "connector.push_anyway", "accept-site": "connector.keep_site_state", retry: "connector.push_retry" };

const ALLOWED_FROM: Record<PushResolution, "CONFLICT" | "FAILED"> = { "push-anyway": "CONFLICT", "accept-site": "CONFLICT", retry: "FAILED" };

export async function resolveConnectorPush(pushId: number, resolution: PushResolution, actor: AuditActor): Promise<{ id: number; status: string }> {
  return db.$transaction(async (tx) => {
    const push = await tx.connectorPush.findUnique({ where: { id: pushId }, select: { id: true, status: true, commentId: true, connectorId: true, siteStatus: true, siteVersion: true } });
    if (!push) throw new AppError("NOT_FOUND", "This push does not exist.");
    const now = new Date();
    const status = resolution === "accept-site" ? "DISMISSED" : "PENDING";
    // Guarded like a decision: two admins resolving at once, the second is told.
    const { count } = await tx.connectorPush.updateMany({
      where: { id: pushId, status: ALLOWED_FROM[resolution] },
      data: {
        status,
        resolvedAt: now,
        resolvedById: actor.id,
        ...(resolution === "accept-site" ? {} : { attempts: 0, nextAttemptAt: now, force: resolution === "push-anyway" }),
      },
    });
    if (count !== 1) throw new AppError("CONFLICT", `This push is ${push.status.toLowerCase()} now; reload the page.`);
    if (resolution === "accept-site" && push.siteVersion && push.siteStatus) {
      const link = await tx.connectorComment.findUnique({ where: { commentId: push.commentId }, select: { siteStatus: true } });
      await tx.connectorComment.update({
        where: { commentId: push.commentId },
        data: { siteVersion: push.siteVersion, siteStatus: push.siteStatus, ...(link && link.siteStatus !== push.siteStatus ? { previousSiteStatus: link.siteStatus } : {}) },
      });
    }
    await recordAuditEvent(tx, { actor, action: AUDIT_ACTIONS[resolution], entityType: "comment", entityId: push.commentId, details: { pushId, connectorId: push.connectorId, siteStatus: push.siteStatus } });
    return { id: pushId, status };
  });
}
