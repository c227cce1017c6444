"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action";
import { startSsoSignInAction } from "@/lib/auth/actions";

/** "Sign in with <label>": the action redirects to the provider; only a failure comes back here. */
export function SsoSignInButton({ label, next }: { label: string; next?: string }) {
  const [state, formAction, isPending] = useActionState<ActionResult<void> | null, FormData>(async (_previous, formData) => startSsoSignInAction(formData), null);
  return (
    <form action={formAction} className="space-y-3">
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <button type="submit" disabled={isPending} className="w-full rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-50 disabled:opacity-60">
        {isPending ? "Redirecting…" : `Sign in with ${label}`}
      </button>
      {state && !state.ok ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
