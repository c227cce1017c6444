import "server-only";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { recordReportBatch, type RecordedReports } from "./record-reader-reports";
import type { ReaderReportInput } from "./schemas";

export type CommentRef = { id: number } | { source: string; externalId: string };

function describeRef(ref: CommentRef): string {
  return "id" in ref ? `comment #${ref.id}` : `comment "${ref.externalId}" from source "${ref.source}"`;
}

/**
 * A comment a site connector pulled, by the id the site gave it. Its key is scoped by site and post
 * (`wordpress:id:blog.example.org/5/123`, lib/connectors/wordpress/pull.ts) so that two sites' ids do
 * not collide, which a site's own plugin cannot know; the connector's link (one connector per kind,
 * one row per site id) names it without ambiguity.
 */
async function connectorComment(tx: Prisma.TransactionClient, ref: { source: string; externalId: string }) {
  const link = await tx.connectorComment.findFirst({ where: { externalId: ref.externalId, connector: { kind: ref.source } }, select: { commentId: true } });
  return link ? tx.comment.findUnique({ where: { id: link.commentId }, select: { id: true, source: true } }) : null;
}

/** The report endpoint: a stored comment, by Moddesk id or by its site's key, gets readers' reports. */
export async function reportComment(ref: CommentRef, reports: readonly ReaderReportInput[], actor: AuditActor): Promise<RecordedReports> {
  return db.$transaction(async (tx) => {
    const where = "id" in ref ? { id: ref.id } : { dedupeKey: `${ref.source}:id:${ref.externalId}` };
    const comment = (await tx.comment.findUnique({ where, select: { id: true, source: true } })) ?? ("id" in ref ? null : await connectorComment(tx, ref));
    if (!comment) throw new AppError("NOT_FOUND", `There is no ${describeRef(ref)}: send the comment first (POST /api/v1/comments), then its reports.`);
    const [recorded] = await recordReportBatch(tx, [{ commentId: comment.id, hashSource: comment.source, reports }], { source: "api", actor });
    if (!recorded) throw new Error("recordReportBatch returned nothing for one comment");
    return recorded;
  });
}
