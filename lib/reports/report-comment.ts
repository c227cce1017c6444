import "server-only";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordReportBatch, type RecordedReports } from "./record-reader-reports";
import type { ReaderReportInput } from "./schemas";

export type CommentRef = { id: number } | { source: string; externalId: string };

function describeRef(ref: CommentRef): string {
  return "id" in ref ? `comment #${ref.id}` : `comment "${ref.externalId}" from source "${ref.source}"`;
}

/** The report endpoint: a stored comment, by Moddesk id or by its site's key, gets readers' reports. */
export async function reportComment(ref: CommentRef, reports: readonly ReaderReportInput[], actor: AuditActor): Promise<RecordedReports> {
  return db.$transaction(async (tx) => {
    const where = "id" in ref ? { id: ref.id } : { dedupeKey: `${ref.source}:id:${ref.externalId}` };
    const comment = await tx.comment.findUnique({ where, select: { id: true, source: true } });
    if (!comment) throw new AppError("NOT_FOUND", `There is no ${describeRef(ref)}: send the comment first (POST /api/v1/comments), then its reports.`);
    const [recorded] = await recordReportBatch(tx, [{ commentId: comment.id, hashSource: comment.source, reports }], { source: "api", actor });
    if (!recorded) throw new Error("recordReportBatch returned nothing for one comment");
    return recorded;
  });
}
