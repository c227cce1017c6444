"use client";

import { useState } from "react";
import { HIDE_REASONS, type HideReason } from "@/lib/moderation/schemas";

/**
 * The mouse path to hiding: a reason (required) and an optional note. Keyboard users press h then
 * 1-5; once the picker is open, focus is on its first reason, the digits on its buttons pick that
 * reason and Esc closes it, so opening it with the mouse never strands the keyboard.
 */
export function HideReasonPicker({ onHide, onCancel }: { onHide: (reason: HideReason, note: string) => void; onCancel: () => void }) {
  const [note, setNote] = useState("");
  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
      return;
    }
    // A digit typed into the note is text.
    if (event.target instanceof HTMLInputElement) return;
    const reason = HIDE_REASONS[Number(event.key) - 1];
    if (/^[1-9]$/.test(event.key) && reason) {
      event.preventDefault();
      onHide(reason, note);
      return;
    }
    // While the picker has focus the queue's letter keys do nothing: 'a' or 'j' here would act on
    // whichever card the keyboard was on, not this one. The queue's listeners skip a handled key.
    if (event.key.length === 1 && event.key !== " ") event.preventDefault();
  };
  return (
    <div className="mt-3 rounded-md border border-rose-200 bg-rose-50 p-3" role="group" aria-label="Hide with a reason" onKeyDown={onKeyDown}>
      <div className="flex flex-wrap gap-2">
        {HIDE_REASONS.map((reason, index) => (
          <button key={reason} type="button" autoFocus={index === 0} onClick={() => onHide(reason, note)} className="rounded-md border border-rose-300 bg-white px-2 py-1 text-sm hover:bg-rose-100 focus-visible:outline-2 focus-visible:outline-rose-700">
            {index + 1} {reason.toLowerCase().replace("_", "-")}
          </button>
        ))}
        <button type="button" onClick={onCancel} className="rounded-md px-2 py-1 text-sm text-slate-600 underline hover:bg-rose-100">
          Cancel
        </button>
      </div>
      <label className="mt-2 block text-xs text-slate-600">
        Note (optional)
        <input value={note} onChange={(event) => setNote(event.target.value)} maxLength={2000} className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 text-sm" />
      </label>
    </div>
  );
}
