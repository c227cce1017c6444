"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { addAuthorNoteAction, addCommentNoteAction } from "@/lib/moderation/actions";

/** Internal notes, for moderators only: never shown to readers, always audited. */
export function NoteForm({
  target,
  autoFocus = false,
  onSaved,
  onEscape,
}: {
  target: { commentId: number } | { authorName: string };
  autoFocus?: boolean;
  onSaved?: (note: string) => void;
  /** Esc in the note: the queue closes an empty one and gives the keys back; typed text is kept. */
  onEscape?: (isEmpty: boolean) => void;
}) {
  const router = useRouter();
  const [note, setNote] = useState("");
  const [message, setMessage] = useState("");
  const [isPending, startTransition] = useTransition();
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      // A lost connection throws; inside a transition that would replace the page with the error
      // screen and lose the note being typed. Say so and keep the text for another try.
      const result = await ("commentId" in target ? addCommentNoteAction({ commentId: target.commentId, note }) : addAuthorNoteAction({ authorName: target.authorName, note })).catch(() => null);
      if (!result) return setMessage("Moddesk could not be reached: the note was not saved. Check the connection and save again.");
      if (!result.ok) return setMessage(result.fieldErrors ? (Object.values(result.fieldErrors).flat()[0] ?? result.message) : result.message);
      setNote("");
      setMessage("Note saved.");
      onSaved?.(note.trim());
      router.refresh();
    });
  };
  return (
    <form onSubmit={submit} className="mt-3 space-y-2">
      <label className="block text-sm font-medium text-slate-700">
        Add an internal note
        <textarea
          autoFocus={autoFocus}
          onKeyDown={(event) => {
            if (event.key !== "Escape" || !onEscape) return;
            event.preventDefault();
            onEscape(note.trim() === "");
          }}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          rows={3}
          maxLength={4000}
          className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        />
      </label>
      <button type="submit" disabled={isPending || note.trim() === ""} className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-50">
        Save note
      </button>
      <span aria-live="polite" className="ml-3 text-sm text-slate-700">
        {message}
      </span>
    </form>
  );
}
