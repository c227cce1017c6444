"use client";

import { formatDateTime } from "@/lib/format";

export interface LastBulkRun {
  id: number;
  action: string;
  reason: string | null;
  total: number;
  processed: number;
  decided: number;
  skipped: number;
  status: string;
  error: string | null;
  createdAt: Date;
}

const DISMISSED_KEY = "moddesk.bulk-run.dismissed";

export const isLastRunDismissed = (runId: number) => typeof window !== "undefined" && window.localStorage.getItem(DISMISSED_KEY) === String(runId);

/**
 * The moderator's last "select all matches" of the day, offered for undo after the page that started
 * it was closed or reloaded: the mistake is often seen only once the queue looks wrong.
 */
export function LastBulkRunOffer({ run, timeZone, onUndo, onDismiss }: { run: LastBulkRun; timeZone: string; onUndo: () => void; onDismiss: () => void }) {
  const verb = run.action === "HIDE" ? "hid" : "approved";
  const reason = run.reason ? ` (${run.reason.toLowerCase().replace("_", "-")})` : "";
  const dismiss = () => {
    window.localStorage.setItem(DISMISSED_KEY, String(run.id));
    onDismiss();
  };
  return (
    <div className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-slate-300 bg-white px-3 py-1 text-sm" data-testid="last-bulk-run">
      <p>
        Your last bulk decision ({formatDateTime(run.createdAt, timeZone)}): {verb} {run.decided.toLocaleString("en-US")} {run.decided === 1 ? "comment" : "comments"}{reason}
        {run.status === "RUNNING" ? ", still running" : ""}.
      </p>
      <button type="button" onClick={onUndo} className="min-h-11 underline">
        Undo all…
      </button>
      <button type="button" onClick={dismiss} className="min-h-11 text-slate-600 underline">
        Dismiss
      </button>
    </div>
  );
}
