import { LocalTime } from "@/components/ui/local-time";
import { NoteForm } from "./note-form";

interface InternalNote {
  id: number;
  note: string;
  createdAt: Date;
  writer: { email: string };
}

/** Moderators' notes on a comment or an author, rendered as text, with the form to add one. */
export function InternalNotes({ notes, target, canWrite, testId }: { notes: InternalNote[]; target: { commentId: number } | { authorName: string }; canWrite: boolean; testId: string }) {
  return (
    <section aria-label="Internal notes" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">Internal notes</h2>
      <p className="text-xs text-slate-500">Visible to moderators only.</p>
      <ul className="mt-2 space-y-2 text-sm">
        {notes.map((note) => (
          <li key={note.id} data-testid={testId}>
            <span className="comment-text">{note.note}</span> <span className="text-xs text-slate-500">— {note.writer.email}, <LocalTime value={note.createdAt} /></span>
          </li>
        ))}
      </ul>
      {canWrite ? <NoteForm target={target} /> : null}
    </section>
  );
}
