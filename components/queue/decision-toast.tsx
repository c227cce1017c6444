"use client";

export interface DecisionToastProps {
  /** "Approved." while the decision can be undone. */
  undoLabel: string | null;
  /** The words of a decision the network lost, while Retry is offered. */
  unsentNotice: string | null;
  /** Any other outcome for a few seconds: a colleague decided first, "Already approved.", an undo's result. */
  notice: string | null;
  onUndo: () => void;
  onRetry: () => void;
  onDismiss: () => void;
  /** Shows "(u)" on Undo where the key works. */
  hasUndoKey: boolean;
  isBusy: boolean;
  /** On a phone the selection bar holds the bottom of the screen: the toast goes above it. */
  isAboveSelectionBar?: boolean;
}

const action = "inline-flex min-h-11 items-center rounded-md px-3 font-semibold text-sky-300 underline hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-sky-300 disabled:opacity-50";

/**
 * A decision's outcome where the moderator is looking: fixed at the bottom of the screen, since the
 * notice above the list is off-screen once they have scrolled (a phone, two cards down). Across the
 * whole width on a phone (a thumb reaches Undo and Retry), a corner on a desk.
 */
export function DecisionToast({ undoLabel, unsentNotice, notice, onUndo, onRetry, onDismiss, hasUndoKey, isBusy, isAboveSelectionBar = false }: DecisionToastProps) {
  if (!unsentNotice && !undoLabel && !notice) return null;
  return (
    <div
      className={`fixed inset-x-3 bottom-3 z-20 flex items-center gap-2 rounded-lg px-4 py-2 text-sm text-white shadow-lg sm:inset-x-auto sm:right-4 sm:bottom-4 sm:max-w-md ${isAboveSelectionBar ? "max-md:bottom-36" : ""} ${unsentNotice ? "bg-rose-900" : "bg-slate-900"}`}
      data-testid={unsentNotice ? "retry-toast" : undoLabel ? "undo-toast" : "notice-toast"}
    >
      <span className="min-w-0 flex-1">{unsentNotice ?? undoLabel ?? notice}</span>
      {unsentNotice ? (
        <button type="button" disabled={isBusy} onClick={onRetry} className={action}>
          Retry
        </button>
      ) : undoLabel ? (
        <button type="button" disabled={isBusy} onClick={onUndo} className={action}>
          Undo{hasUndoKey ? <span className="max-md:hidden"> (u)</span> : null}
        </button>
      ) : null}
      <button type="button" onClick={onDismiss} aria-label="Dismiss" className={`${action} text-slate-300 no-underline`}>
        ✕
      </button>
    </div>
  );
}
