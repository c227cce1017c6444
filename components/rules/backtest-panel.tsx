"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action";
import type { BacktestResult } from "@/lib/rules/backtest-rule";
import { backtestRuleAction } from "@/lib/rules/actions";
import type { RuleDraft } from "@/lib/rules/rule-draft-schema";
import { HighlightedText } from "./highlighted-text";

const percent = (part: number, whole: number) => (whole === 0 ? "0%" : `${Math.round((part / whole) * 100)}%`);

/** Runs the draft over the stored comments before saving: how many it would flag, and how moderators decided them. */
export function BacktestPanel({ draft, ruleId }: { draft: RuleDraft | null; ruleId?: number }) {
  const [state, setState] = useState<ActionResult<BacktestResult> | null>(null);
  const [isPending, startTransition] = useTransition();
  const run = () => {
    if (draft === null) return;
    startTransition(async () => setState(await backtestRuleAction({ draft, ruleId })));
  };
  const result = state?.ok ? state.data : null;
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="backtest-heading">
      <div className="flex items-center justify-between gap-3">
        <h2 id="backtest-heading" className="font-semibold">Backtest on stored comments</h2>
        <button type="button" onClick={run} disabled={draft === null || isPending} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium disabled:opacity-60">
          {isPending ? "Running…" : "Run backtest"}
        </button>
      </div>
      <div aria-live="polite">
        {state && !state.ok ? <p className="text-sm text-red-700">{state.message}</p> : null}
        {result ? (
          <div className="space-y-2" data-testid="backtest-result">
            <p className="text-sm">
              <strong data-testid="backtest-count">{result.matched.toLocaleString("en-US")}</strong> of {result.scanned.toLocaleString("en-US")} comments scanned would match
              {result.stoppedEarly ? ` (stopped early at the time limit: ${result.scanned.toLocaleString("en-US")} of ${result.total.toLocaleString("en-US")} scanned)` : ""}.
            </p>
            {result.endpointError ? <p className="text-sm text-red-700" data-testid="backtest-endpoint-error">The endpoint stopped answering: {result.endpointError}</p> : null}
            {result.matched > 0 ? (
              <p className="text-sm text-slate-600">
                Moderators so far: {percent(result.statuses.HIDDEN, result.matched)} hidden, {percent(result.statuses.APPROVED, result.matched)} approved, {percent(result.statuses.PENDING, result.matched)} pending.
              </p>
            ) : null}
            <ul className="divide-y divide-slate-100">
              {result.sample.map((sample) => (
                <li key={sample.commentId} className="py-2" data-testid="backtest-sample">
                  <p className="text-xs text-slate-500">
                    #{sample.commentId} · {sample.authorName ?? "anonymous"} · {sample.status.toLowerCase()} · {sample.reason}
                  </p>
                  <HighlightedText text={sample.text} spans={sample.spans} />
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </section>
  );
}
