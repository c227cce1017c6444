"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { startRuleRerunAction } from "@/lib/rules/actions";
import { isRerunActive, rerunLabel } from "@/lib/rules/rerun-label";

export interface RerunView {
  id: number;
  status: "QUEUED" | "RUNNING" | "COMPLETED" | "FAILED";
  /** The automatic pass after a rule change: only the comments still pending. */
  pendingOnly: boolean;
  requestedBy: string;
  total: number;
  processed: number;
  flagged: number;
  autoHidden: number;
  error: string | null;
  requestedAt: string;
}

const POLL_MS = 1_000;

/** Starts a re-run and follows it: while a pass is queued or running, the page refreshes itself. */
export function RerunPanel({ reruns, canWrite }: { reruns: RerunView[]; canWrite: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const isActive = reruns.some(isRerunActive);
  useEffect(() => {
    if (!isActive) return;
    const timer = setInterval(() => router.refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [isActive, router]);
  const start = () =>
    startTransition(async () => {
      const result = await startRuleRerunAction({});
      setMessage(result.ok ? (result.data.isNew ? null : "A re-run is already waiting to start; it will use the rules as they are then.") : result.message);
      router.refresh();
    });
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="rerun-heading">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="rerun-heading" className="font-semibold">Re-run rules over stored comments</h2>
          <p className="text-sm text-slate-600">New comments are flagged by the rules in force when they arrive. Saving, enabling, disabling or deleting a rule re-checks the pending comments at once; a re-run refreshes every stored comment&apos;s flags, decided ones included; moderators&apos; decisions stand.</p>
        </div>
        {canWrite ? (
          <button type="button" onClick={start} disabled={isPending} className="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60">
            Re-run rules
          </button>
        ) : null}
      </div>
      {message ? <p className="text-sm text-slate-700" role="status">{message}</p> : null}
      <ul className="space-y-2" aria-label="Recent re-runs">
        {reruns.map((rerun) => (
          <li key={rerun.id} className="text-sm" data-testid="rerun">
            <div className="flex flex-wrap items-center gap-3">
              <span className="font-medium" data-testid="rerun-status">{rerun.status.toLowerCase()}</span>
              <progress max={Math.max(rerun.total, 1)} value={rerun.status === "COMPLETED" ? Math.max(rerun.total, 1) : rerun.processed} className="h-2 w-48" aria-label={`Re-run ${rerun.id} progress`} />
              <span data-testid="rerun-progress">{rerun.processed.toLocaleString("en-US")} / {rerun.total.toLocaleString("en-US")} {rerun.pendingOnly ? "pending comments" : "comments"}</span>
              <span className="text-slate-500">{rerun.flagged.toLocaleString("en-US")} flagged · {rerun.autoHidden.toLocaleString("en-US")} auto-hidden · by {rerun.requestedBy} · {rerun.requestedAt}</span>
            </div>
            <div className="text-slate-600" data-testid="rerun-label">
              {rerunLabel(rerun)}
            </div>
            {rerun.error ? <p className="text-red-700">{rerun.error}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
