"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { hideAuthorPendingAction, watchAuthorAction } from "@/lib/moderation/actions";
import { FILTER_CATEGORIES, HIDE_REASONS, type HideReason } from "@/lib/moderation/schemas";

// A lost connection throws; inside a transition it would replace the page with the error screen.
// The hide-all is guarded comment by comment, so pressing it again decides only what is left.
const UNREACHABLE = "Moddesk could not be reached: check the connection and try again (nothing is decided twice).";

const label = (value: string) => value.toLowerCase().replace("_", "-");
const field = "rounded-md border border-slate-300 px-2 py-1 text-sm";

/** The author view's two sweeping actions: hiding everything pending (with a confirm step) and watching. */
export function AuthorActions({ authorName, pending, isWatched }: { authorName: string; pending: number; isWatched: boolean }) {
  const router = useRouter();
  const [isConfirming, setIsConfirming] = useState(false);
  const [reason, setReason] = useState<HideReason>("ABUSIVE");
  const [watchAction, setWatchAction] = useState<"HOLD" | "AUTO_HIDE">("HOLD");
  const [category, setCategory] = useState<(typeof FILTER_CATEGORIES)[number]>("ABUSIVE");
  const [message, setMessage] = useState("");
  const [isPending, startTransition] = useTransition();

  const hideAll = () =>
    startTransition(async () => {
      const result = await hideAuthorPendingAction({ authorName, reason, confirmed: true }).catch(() => null);
      if (!result) return setMessage(UNREACHABLE);
      setIsConfirming(false);
      setMessage(result.ok ? hideAllSummary(result.data) : result.message);
      router.refresh();
    });
  const watch = () =>
    startTransition(async () => {
      const result = await watchAuthorAction({ authorName, action: watchAction, category }).catch(() => null);
      if (!result) return setMessage(UNREACHABLE);
      setMessage(result.ok ? `${authorName} is on the watch list: future comments will be ${watchAction === "HOLD" ? "held for review" : "hidden on import"}.` : result.message);
      router.refresh();
    });

  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        {isConfirming ? (
          <>
            <span>
              Hide all {pending} pending comments of <strong>{authorName}</strong> as
            </span>
            <select aria-label="Reason" value={reason} onChange={(event) => setReason(event.target.value as HideReason)} className={field}>
              {HIDE_REASONS.map((value) => (
                <option key={value} value={value}>
                  {label(value)}
                </option>
              ))}
            </select>
            <button type="button" onClick={hideAll} disabled={isPending} className="rounded-md bg-rose-700 px-3 py-1 font-semibold text-white disabled:opacity-50">
              Confirm: hide {pending}
            </button>
            <button type="button" onClick={() => setIsConfirming(false)} className="underline">
              Cancel
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setIsConfirming(true)} disabled={pending === 0} className="rounded-md border border-rose-300 px-3 py-1 font-medium text-rose-800 disabled:opacity-40">
            Hide all pending comments of this author…
          </button>
        )}
      </div>
      {isWatched ? (
        <p className="text-slate-600">This author is on the watch list.</p>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <span>Watch list: future comments</span>
          <select aria-label="Watch action" value={watchAction} onChange={(event) => setWatchAction(event.target.value as "HOLD" | "AUTO_HIDE")} className={field}>
            <option value="HOLD">held for review</option>
            <option value="AUTO_HIDE">hidden on import</option>
          </select>
          <span>as</span>
          <select aria-label="Watch category" value={category} onChange={(event) => setCategory(event.target.value as (typeof FILTER_CATEGORIES)[number])} className={field}>
            {FILTER_CATEGORIES.map((value) => (
              <option key={value} value={value}>
                {label(value)}
              </option>
            ))}
          </select>
          <button type="button" onClick={watch} disabled={isPending} className="rounded-md bg-slate-900 px-3 py-1 font-semibold text-white disabled:opacity-50">
            Put on watch list
          </button>
        </div>
      )}
      <p aria-live="polite" className="text-slate-700" data-testid="author-message">
        {message}
      </p>
    </div>
  );
}

function hideAllSummary(result: { hidden: number; conflicts: string[]; remaining: number }): string {
  const skipped = result.conflicts.length > 0 ? ` Skipped: ${result.conflicts.join("; ")}` : "";
  const remaining = result.remaining > 0 ? ` ${result.remaining} more are still pending: hide again to continue.` : "";
  return `Hid ${result.hidden} comments.${skipped}${remaining}`;
}
