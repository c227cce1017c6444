"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { bulkRunStatusAction, countMatchingAction, startBulkRunAction, undoBulkRunAction } from "@/lib/moderation/bulk-run-actions";
import { HIDE_REASONS, type HideReason, type QueueTab } from "@/lib/moderation/schemas";
import { useIsHydrated } from "./use-is-hydrated";
import { isLastRunDismissed, LastBulkRunOffer, type LastBulkRun } from "./last-bulk-run";

type Run = { id: number; total: number; processed: number; decided: number; skipped: number; status: string; error: string | null; undoesRunId: number | null };
type Phase =
  | { step: "idle" }
  | { step: "counting" }
  | { step: "confirm"; count: number }
  | { step: "running"; run: Run }
  | { step: "confirm-undo"; run: Run }
  | { step: "error"; message: string };
const NOT_REACHED = "Moddesk could not be reached: check the connection and try again (each comment is decided once, however often the job runs).";

const POLL_MS = 1_000;

/**
 * "Select all N matching this filter": counts, asks for confirmation with the number and the decision,
 * then follows the background job's progress. The job decides each comment through the guarded
 * transition and keeps going if this page is closed.
 */
export function BulkRunPanel(props: { tab: QueueTab; filterQuery: string; isOpen: boolean; onClose: () => void; lastRun: LastBulkRun | null; timeZone: string }) {
  const { tab, filterQuery, isOpen, onClose } = props;
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const [lastRun, setLastRun] = useState(props.lastRun);
  // Read after hydration: the server cannot know what this browser dismissed.
  const isHydrated = useIsHydrated();
  const offeredRun = isHydrated && lastRun && !isLastRunDismissed(lastRun.id) ? lastRun : null;
  const [reason, setReason] = useState<HideReason>("SPAM");
  const [openedAt, setOpenedAt] = useState(false);

  // Opening the panel starts a count (state adjusted during render, then the request in an effect).
  if (isOpen !== openedAt) {
    setOpenedAt(isOpen);
    if (isOpen && phase.step !== "running") setPhase({ step: "counting" });
  }
  useEffect(() => {
    if (phase.step !== "counting") return;
    let isCurrent = true;
    void countMatchingAction({ tab, filterQuery }).then((result) => {
      if (isCurrent) setPhase(result.ok ? { step: "confirm", count: result.data.count } : { step: "error", message: result.message });
    });
    return () => void (isCurrent = false);
  }, [phase.step, tab, filterQuery]);

  const runId = phase.step === "running" ? phase.run.id : null;
  const isFinished = phase.step === "running" && phase.run.status !== "RUNNING";
  useEffect(() => {
    if (runId === null || isFinished) return;
    const timer = setInterval(() => {
      void bulkRunStatusAction({ runId }).then((result) => {
        if (!result.ok) return;
        setPhase({ step: "running", run: result.data });
        if (result.data.status !== "RUNNING") router.refresh();
      });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [runId, isFinished, router]);

  const start = async (action: "APPROVE" | "HIDE") => {
    const result = await startBulkRunAction({ tab, filterQuery, action, reason: action === "HIDE" ? reason : undefined }).catch(() => null);
    if (!result) return setPhase({ step: "error", message: NOT_REACHED });
    if (!result.ok) return setPhase({ step: "error", message: result.message });
    setPhase({ step: "running", run: { id: result.data.id, total: result.data.total, processed: 0, decided: 0, skipped: 0, status: "RUNNING", error: null, undoesRunId: null } });
  };
  const undo = async (run: Run) => {
    setLastRun(null);
    const result = await undoBulkRunAction({ runId: run.id }).catch(() => null);
    if (!result) return setPhase({ step: "error", message: NOT_REACHED });
    if (!result.ok) return setPhase({ step: "error", message: result.message });
    setPhase({ step: "running", run: { id: result.data.id, total: result.data.total, processed: 0, decided: 0, skipped: 0, status: "RUNNING", error: null, undoesRunId: run.id } });
  };
  const close = () => {
    setPhase({ step: "idle" });
    onClose();
  };

  // A question the panel asks takes the focus, so Tab reaches its buttons next and Esc answers "no".
  const region = useRef<HTMLDivElement>(null);
  const isAsking = phase.step === "confirm" || phase.step === "confirm-undo" || phase.step === "error";
  useEffect(() => {
    if (isAsking) region.current?.focus();
  }, [isAsking]);
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== "Escape" || !isAsking) return;
    event.preventDefault();
    if (phase.step === "confirm-undo" && phase.run.id !== lastRun?.id) setPhase({ step: "running", run: phase.run });
    else close();
  };

  if (phase.step === "idle" && offeredRun && !isOpen)
    return <LastBulkRunOffer run={offeredRun} timeZone={props.timeZone} onUndo={() => setPhase({ step: "confirm-undo", run: { ...offeredRun, undoesRunId: null } })} onDismiss={() => setLastRun(null)} />;
  if (phase.step === "idle" || (!isOpen && phase.step !== "running" && phase.step !== "confirm-undo")) return null;
  return (
    <div
      ref={region}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      className="mt-3 rounded-md border border-sky-300 bg-white p-3 text-sm shadow-sm focus:outline-2 focus:outline-sky-500"
      role="region"
      aria-label="All comments matching this filter"
      data-testid="bulk-run-panel"
    >
      {phase.step === "counting" ? <p>Counting the comments that match this filter…</p> : null}
      {phase.step === "error" ? (
        <p className="text-red-700">
          {phase.message}{" "}
          <button type="button" onClick={close} className="min-h-11 px-2 text-slate-900 underline">
            Close
          </button>
        </p>
      ) : null}
      {phase.step === "confirm" ? (
        <div className="space-y-2">
          <p data-testid="bulk-run-count">
            <strong>{phase.count.toLocaleString("en-US")}</strong> {phase.count === 1 ? "comment matches" : "comments match"} this tab and filter (not only this page). Decide them all? Each is decided on its own, as if by hand, and
            one a colleague decides meanwhile is left as they decided it.
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <button type="button" onClick={() => void start("APPROVE")} className="min-h-11 rounded-md bg-emerald-700 px-3 py-1.5 font-medium text-white">
              Approve all {phase.count.toLocaleString("en-US")}
            </button>
            <label className="flex items-center gap-1">
              <span>Reason</span>
              <select value={reason} onChange={(event) => setReason(event.target.value as HideReason)} className="min-h-11 rounded-md border border-slate-300 px-2 py-1">
                {HIDE_REASONS.map((value) => (
                  <option key={value} value={value}>
                    {value.toLowerCase().replace("_", "-")}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={() => void start("HIDE")} className="min-h-11 rounded-md bg-rose-700 px-3 py-1.5 font-medium text-white">
              Hide all {phase.count.toLocaleString("en-US")}
            </button>
            <button type="button" onClick={onClose} className="min-h-11 px-2 py-1.5 underline">
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      {phase.step === "running" ? <RunProgress run={phase.run} onUndo={() => setPhase({ step: "confirm-undo", run: phase.run })} onClose={close} /> : null}
      {phase.step === "confirm-undo" ? (
        <div className="space-y-2" data-testid="bulk-run-undo-confirm">
          <p>
            Put back the {phase.run.decided.toLocaleString("en-US")} {phase.run.decided === 1 ? "comment" : "comments"} this decided{phase.run.status === "RUNNING" ? " so far (the rest are left as they are)" : ""}? Each goes back to
            where it was, unless someone decided it since: that one is left as they decided it.
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <button type="button" onClick={() => void undo(phase.run)} className="min-h-11 rounded-md bg-slate-800 px-3 py-1.5 font-medium text-white">
              Undo {phase.run.decided.toLocaleString("en-US")} decisions
            </button>
            <button type="button" onClick={() => setPhase(phase.run.id === lastRun?.id ? { step: "idle" } : { step: "running", run: phase.run })} className="min-h-11 px-2 py-1.5 underline">
              Keep them
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

const number = (value: number) => value.toLocaleString("en-US");

function RunProgress({ run, onUndo, onClose }: { run: Run; onUndo: () => void; onClose: () => void }) {
  const isRunning = run.status === "RUNNING";
  const isUndo = run.undoesRunId !== null;
  const state = isRunning ? (isUndo ? "Undoing…" : "Deciding…") : run.status === "COMPLETED" ? (isUndo ? "Undone:" : "Done:") : "Stopped:";
  const outcome = isUndo
    ? `${number(run.decided)} put back, ${number(run.skipped)} left as they are (decided by someone since).`
    : `${number(run.decided)} decided, ${number(run.skipped)} skipped (already decided).`;
  return (
    <div className="space-y-1" aria-live="polite">
      <progress max={run.total} value={run.processed} className="w-full" aria-label={isUndo ? "Undo progress" : "Bulk decision progress"} />
      <p data-testid="bulk-run-progress">
        {state} {number(run.processed)} of {number(run.total)} done, {outcome}
        {run.error ? ` ${run.error}` : ""}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        {!isUndo && run.decided > 0 ? (
          <button type="button" onClick={onUndo} className="min-h-11 rounded-md border border-slate-400 px-3 py-1.5 font-medium">
            {isRunning ? "Stop and undo…" : "Undo all…"}
          </button>
        ) : null}
        {!isRunning ? (
          <button type="button" onClick={onClose} className="min-h-11 px-2 py-1.5 underline">
            Close
          </button>
        ) : null}
      </div>
    </div>
  );
}
