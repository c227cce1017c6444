"use client";

import { useState } from "react";
import type { HideReason } from "@/lib/moderation/schemas";
import { HideReasonPicker } from "./hide-reason-picker";

export interface SelectionBarProps {
  selectedCount: number;
  pageCount: number;
  isBusy: boolean;
  onApprove: () => void;
  onHide: (reason: HideReason, note: string) => void;
  onSelectPage: () => void;
  onSelectMatching: () => void;
  onClear: () => void;
}

const button = "rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-50";

/** The mouse path to bulk decisions: the same decisions as `a` and `h` 1-5 on a selection. */
export function SelectionBar(props: SelectionBarProps) {
  const [isChoosingReason, setIsChoosingReason] = useState(false);
  if (props.selectedCount === 0) {
    return props.pageCount > 0 ? (
      <div className="mt-3 flex flex-wrap items-center gap-2 text-sm" data-testid="bulk-toolbar">
        {/* Short labels on a phone keep both on one row, so the first comment comes up a line sooner. */}
        <button type="button" onClick={props.onSelectPage} aria-label="Select all on this page" className={`${button} border border-slate-300 bg-white`}>
          <span className="sm:hidden">Select page</span>
          <span className="hidden sm:inline">Select all on this page</span>
        </button>
        <button type="button" onClick={props.onSelectMatching} aria-label="Select all matches, every page…" className={`${button} border border-slate-300 bg-white`}>
          <span className="sm:hidden">Select all matches…</span>
          <span className="hidden sm:inline">Select all matches, every page…</span>
        </button>
      </div>
    ) : null;
  }
  return (
    // On a phone the bar sits at the bottom of the screen, under the thumb, rather than over the top
    // of the comments being selected; on a desk it sticks to the top of the list.
    <div className="sticky top-0 z-10 mt-3 rounded-md bg-sky-100 px-3 py-2 text-sm shadow-sm max-md:fixed max-md:inset-x-0 max-md:top-auto max-md:bottom-0 max-md:mt-0 max-md:rounded-none max-md:border-t max-md:border-sky-300 max-md:pb-3" data-testid="selection-bar">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{props.selectedCount} selected</span>
        <button type="button" disabled={props.isBusy} onClick={props.onApprove} className={`${button} bg-emerald-700 text-white`}>
          Approve {props.selectedCount}
        </button>
        <button type="button" disabled={props.isBusy} onClick={() => setIsChoosingReason(true)} className={`${button} bg-rose-700 text-white`}>
          Hide {props.selectedCount}…
        </button>
        {props.selectedCount < props.pageCount ? (
          <button type="button" onClick={props.onSelectPage} aria-label="Select all on this page" className={`${button} underline`}>
            <span className="sm:hidden">All on page</span>
            <span className="hidden sm:inline">Select all on this page</span>
          </button>
        ) : null}
        <button type="button" onClick={props.onSelectMatching} aria-label="Select all matches, every page…" className={`${button} underline`}>
          <span className="sm:hidden">All matches…</span>
          <span className="hidden sm:inline">Select all matches, every page…</span>
        </button>
        <button type="button" onClick={props.onClear} aria-label="Clear selection" className={`${button} underline`}>
          <span className="sm:hidden">Clear</span>
          <span className="hidden sm:inline">Clear selection</span>
        </button>
        <span className="text-xs text-slate-600 max-md:hidden">Keys: a approves, h then 1-5 hides them all.</span>
      </div>
      {isChoosingReason ? (
        <HideReasonPicker
          onHide={(reason, note) => {
            setIsChoosingReason(false);
            props.onHide(reason, note);
          }}
          onCancel={() => setIsChoosingReason(false)}
        />
      ) : null}
    </div>
  );
}
