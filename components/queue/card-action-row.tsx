"use client";

import type { QueueItem } from "@/lib/moderation/queue-item";

const PRIMARY = "rounded-md px-3 py-1 font-medium text-white focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-40";
const SECONDARY = "rounded-md border border-slate-300 bg-white px-3 py-1 font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600";

export interface CardActionRowProps {
  item: QueueItem;
  canDecide: boolean;
  isContextOpen: boolean;
  isNoteOpen: boolean;
  isSelected: boolean;
  onApprove: () => void;
  onHide: () => void;
  onToggleContext: () => void;
  onToggleNote: () => void;
  onToggleSelect: () => void;
}

/** Approve and Hide… on a card: the queue's row below, and the article and author pages' lists. */
export function DecideButtons({ item, onApprove, onHide }: { item: QueueItem; onApprove: () => void; onHide: () => void }) {
  return (
    <>
      <button type="button" disabled={item.status === "APPROVED"} onClick={onApprove} className={`${PRIMARY} bg-emerald-700 hover:bg-emerald-800 focus-visible:outline-emerald-700`}>
        Approve
      </button>
      <button type="button" disabled={item.status === "HIDDEN"} onClick={onHide} className={`${PRIMARY} bg-rose-700 hover:bg-rose-800 focus-visible:outline-rose-700`}>
        Hide…
      </button>
    </>
  );
}

/** A queue card's buttons: the mouse and thumb path to what a, h, c, n and x do. */
export function CardActionRow({ item, canDecide, isContextOpen, isNoteOpen, isSelected, onApprove, onHide, onToggleContext, onToggleNote, onToggleSelect }: CardActionRowProps) {
  return (
    <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
      {canDecide ? <DecideButtons item={item} onApprove={onApprove} onHide={onHide} /> : null}
      <button type="button" aria-expanded={isContextOpen} onClick={onToggleContext} className={SECONDARY}>
        Context
      </button>
      {canDecide ? (
        <>
          <button type="button" aria-expanded={isNoteOpen} onClick={onToggleNote} className={SECONDARY}>
            Note
          </button>
          <label className="ml-2 flex cursor-pointer items-center gap-1 text-slate-600">
            <input type="checkbox" checked={isSelected} onChange={onToggleSelect} />
            Select
          </label>
        </>
      ) : null}
    </div>
  );
}
