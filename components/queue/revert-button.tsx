"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { revertDecisionAction } from "@/lib/moderation/actions";

/** Reverting is a decision of its own, guarded by the version the page showed. */
export function RevertButton({ decisionId, expectedVersion, label }: { decisionId: number; expectedVersion: number; label: string }) {
  const router = useRouter();
  const [message, setMessage] = useState("");
  const [isPending, startTransition] = useTransition();
  const revert = () =>
    startTransition(async () => {
      // A lost connection throws: say so rather than fall into the error screen; a repeat is guarded by the version.
      const result = await revertDecisionAction({ decisionId, expectedVersion }).catch(() => null);
      if (!result) return setMessage("Moddesk could not be reached: check the connection and try again.");
      setMessage(result.ok ? `Reverted: now ${result.data.status.toLowerCase()}.` : result.message);
      router.refresh();
    });
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={revert} disabled={isPending} className="rounded border border-slate-300 px-2 py-0.5 text-xs font-medium disabled:opacity-50">
        {label}
      </button>
      <span aria-live="polite" className="text-xs text-slate-700" data-testid="revert-message">
        {message}
      </span>
    </span>
  );
}
