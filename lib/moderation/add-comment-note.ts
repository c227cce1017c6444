import "server-only";
import { db } from "@/lib/db/client";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";

/** An internal note on a comment (moderators only), audited in the same transaction. */
export async function addCommentNote(input: { commentId: number; note: string }, actor: AuditActor & { id: string }): Promise<{ id: number }> {
  return db.$transaction(async (tx) => {
    const comment = await tx.comment.findUnique({ where: { id: input.commentId }, select: { id: true } });
    if (!comment) throw new AppError("NOT_FOUND", "This comment does not exist.");
    const note = await tx.commentNote.create({ data: { commentId: input.commentId, note: input.note, writerId: actor.id }, select: { id: true } });
    await recordAuditEvent(tx, { actor, action: "comment.note", entityType: "comment", entityId: input.commentId, details: { noteId: note.id, note: input.note } });
    return note;
  });
}
