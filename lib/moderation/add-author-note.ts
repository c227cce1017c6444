import "server-only";
import { db } from "@/lib/db/client";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";

/** An internal note on a reader, by author name, audited in the same transaction. */
export async function addAuthorNote(input: { authorName: string; note: string }, actor: AuditActor & { id: string }): Promise<{ id: number }> {
  return db.$transaction(async (tx) => {
    const note = await tx.authorNote.create({ data: { authorName: input.authorName, note: input.note, writerId: actor.id }, select: { id: true } });
    await recordAuditEvent(tx, { actor, action: "author.note", entityType: "author", entityId: input.authorName, details: { noteId: note.id, note: input.note } });
    return note;
  });
}
