"use client";

import { useState, useTransition } from "react";
import { verifyAuditChainAction } from "@/lib/audit/audit-actions";
import { describeBrokenAt } from "@/lib/audit/describe-broken-at";

type Verdict = Awaited<ReturnType<typeof verifyAuditChainAction>>;

/** Runs the chain check on the server and says, in words, whether the log is intact. */
export function VerifyChainButton({ timeZone }: { timeZone: string }) {
  const [isPending, startTransition] = useTransition();
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <button
        type="button"
        disabled={isPending}
        onClick={() => startTransition(async () => setVerdict(await verifyAuditChainAction({})))}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-100 disabled:opacity-60"
      >
        {isPending ? "Verifying…" : "Verify the chain"}
      </button>
      <p aria-live="polite" data-testid="audit-verify-result">
        {verdict?.ok && verdict.data.intact ? <span className="text-emerald-800">✓ Intact: all {verdict.data.events.toLocaleString("en-US")} events check out, none edited, removed or reordered.</span> : null}
        {verdict?.ok && !verdict.data.intact ? (
          <span className="font-medium text-red-700" role="alert">
            ✗ Broken at event #{verdict.data.brokenAt.id} ({describeBrokenAt(verdict.data.brokenAt, timeZone)}): {verdict.data.brokenAt.problem}. {verdict.data.events.toLocaleString("en-US")} events before it check out.
          </span>
        ) : null}
        {verdict && !verdict.ok ? <span className="text-red-700">{verdict.message}</span> : null}
      </p>
    </div>
  );
}

