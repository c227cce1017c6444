"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action";
import type { EndpointTestResult } from "@/lib/external-classifier/test-external-endpoint";
import { testExternalEndpointAction } from "@/lib/rules/actions";
import type { RuleDraft } from "@/lib/rules/rule-draft-schema";
import { HighlightedText } from "./highlighted-text";

const label = (value: string) => value.replace("_", "-").toLowerCase();

/** The test bench of an EXTERNAL rule: one sample text sent to the endpoint, its answer and the flags it makes. */
export function EndpointTestBench({ draft, draftError, ruleId, canWrite }: { draft: RuleDraft | null; draftError: string | null; ruleId?: number; canWrite: boolean }) {
  const [text, setText] = useState("");
  const [state, setState] = useState<{ text: string; result: ActionResult<EndpointTestResult> } | null>(null);
  const [isTesting, startTesting] = useTransition();
  const test = () => {
    if (draft === null || text === "") return;
    startTesting(async () => setState({ text, result: await testExternalEndpointAction({ draft, text, ruleId }) }));
  };
  const result = state?.result.ok ? state.result.data : null;
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="endpoint-bench-heading">
      <h2 id="endpoint-bench-heading" className="font-semibold">Test the endpoint</h2>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Sample text</span>
        <textarea className="mt-1 block h-28 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" value={text} onChange={(event) => setText(event.target.value)} placeholder="A comment to send to the endpoint" />
      </label>
      {canWrite ? (
        <button type="button" className="rounded-md border border-slate-300 px-3 py-1 text-sm" disabled={isTesting || text === "" || draft === null} onClick={test} data-testid="endpoint-test">
          {isTesting ? "Waiting for the endpoint…" : "Test the endpoint"}
        </button>
      ) : (
        <p className="text-sm text-slate-600">Only admins send text to the endpoint.</p>
      )}
      <div aria-live="polite" data-testid="endpoint-result" className="space-y-1 text-sm">
        {draft === null && draftError ? <p className="text-red-700">Fix the rule first: {draftError}</p> : null}
        {state && !state.result.ok ? <p className="text-red-700">{state.result.message}</p> : null}
        {result && !result.ok ? <p className="text-red-700" data-testid="endpoint-error">The endpoint failed after {result.latencyMs} ms: {result.message}</p> : null}
        {result?.ok ? (
          <>
            <p className="text-slate-600">Answered in {result.latencyMs} ms. Scores: {Object.entries(result.answer.scores).map(([name, score]) => `${label(name)} ${score}`).join(", ") || "none"}.</p>
            {result.flags.length === 0 ? <p className="text-slate-600">No flag: every score is under its threshold.</p> : null}
            {result.flags.map((flag) => (
              <div key={flag.category} className="space-y-1">
                <p className="font-medium text-amber-800" data-testid="endpoint-flag">Flags {label(flag.category)}: {flag.reason}</p>
                <HighlightedText text={state!.text} spans={flag.spans} />
              </div>
            ))}
          </>
        ) : null}
        {result?.isThrowawaySecret ? <p className="text-xs text-slate-500">Signed with a throwaway secret: the rule&apos;s own secret is made when it is saved, so an endpoint that checks signatures refuses this test until then.</p> : null}
      </div>
    </section>
  );
}
