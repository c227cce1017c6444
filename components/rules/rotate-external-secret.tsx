"use client";

import { useState, useTransition } from "react";
import { rotateExternalRuleSecretAction } from "@/lib/rules/actions";

/**
 * "Rotate the signing secret" of an EXTERNAL rule: the new secret is shown once; the old one keeps
 * signing beside it for a day, so the endpoint can switch without refusing a call.
 */
export function RotateExternalSecret({ ruleId, status }: { ruleId: number; status: string }) {
  const [isPending, startTransition] = useTransition();
  const [rotated, setRotated] = useState<{ secret: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <section aria-labelledby="signing-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="external-signing">
      <h2 id="signing-heading" className="font-semibold">Signing secret</h2>
      <p className="text-sm text-slate-600">{status}</p>
      {rotated ? (
        <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3">
          <p className="text-sm text-slate-700">
            Copy the new secret to the endpoint now: it is not shown again. For the next 24 hours every call is signed with both the new and the old secret, so the endpoint
            keeps verifying calls while you switch it over.
          </p>
          <code className="block break-all rounded bg-white p-2 font-mono text-sm" data-testid="external-new-secret">
            {rotated.secret}
          </code>
        </div>
      ) : null}
      <button
        type="button"
        disabled={isPending}
        className="min-h-11 rounded-md border border-slate-300 px-3 py-2 text-sm disabled:opacity-60"
        onClick={() => {
          if (!window.confirm("Make a new signing secret? The old one keeps signing for 24 hours, then the endpoint must use the new one.")) return;
          startTransition(async () => {
            const result = await rotateExternalRuleSecretAction({ id: ruleId });
            if (result.ok) {
              setRotated({ secret: result.data.secret });
              setError(null);
            } else setError(result.message);
          });
        }}
      >
        {isPending ? "Rotating…" : "Rotate the signing secret"}
      </button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </section>
  );
}
