"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action";
import { createApiTokenAction } from "@/lib/auth/token-actions";
import { TOKEN_SCOPE_NAMES, TOKEN_SCOPES, type TokenScope } from "@/lib/auth/token-scopes";

type Created = { id: number; name: string; token: string; scopes: TokenScope[] };

// A token's scopes are checkboxes of one name: FormData keeps them all, Object.fromEntries (what
// defineAction does with a FormData) would keep only the last, so the form sends an object.
function tokenInput(formData: FormData) {
  return { name: formData.get("name"), scopes: formData.getAll("scopes") };
}

export function CreateTokenForm() {
  const [state, formAction, isPending] = useActionState<ActionResult<Created> | null, FormData>((_previous, formData) => createApiTokenAction(tokenInput(formData)), null);
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <form action={formAction} className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="block font-medium text-slate-700">Token name</span>
          <input name="name" required maxLength={80} placeholder="CMS ingest" className="mt-1 block w-64 max-w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
        </label>
        <fieldset className="w-full text-sm">
          <legend className="font-medium text-slate-700">Scopes: only what the integration needs</legend>
          <div className="mt-1 grid grid-cols-1 gap-1 sm:grid-cols-2">
            {TOKEN_SCOPE_NAMES.map((scope) => (
              <label key={scope} className="flex min-w-0 items-start gap-2">
                <input type="checkbox" name="scopes" value={scope} className="mt-1 shrink-0" />
                <span className="min-w-0">
                  {TOKEN_SCOPES[scope].label} <code className="font-mono text-xs text-slate-500">{scope}</code>
                  {/* anywhere, not break-word: a grid column is as wide as its longest unbreakable path otherwise (390 px scrolled sideways). */}
                  <span className="block text-xs text-slate-500 [overflow-wrap:anywhere]">{TOKEN_SCOPES[scope].routes}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" disabled={isPending} className="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60">
          Create token
        </button>
      </form>
      <div aria-live="polite" className="mt-3 text-sm">
        {state?.ok ? (
          <div data-testid="created-token-panel" className="space-y-1">
            <p>
              Token <strong>{state.data.name}</strong> created with the scopes {state.data.scopes.join(", ")}. Copy it now: it is shown only once and cannot be recovered.
            </p>
            <div className="flex flex-wrap items-center gap-2">
              <code data-testid="created-token" className="select-all break-all rounded bg-slate-100 px-2 py-1 font-mono">
                {state.data.token}
              </code>
              <button type="button" className="rounded-md border border-slate-300 px-2 py-1 text-xs" onClick={() => void navigator.clipboard?.writeText(state.data.token).catch(() => {})}>
                Copy
              </button>
            </div>
          </div>
        ) : null}
        {state && !state.ok ? <p className="text-red-700">{state.fieldErrors ? Object.values(state.fieldErrors).flat()[0] : state.message}</p> : null}
      </div>
    </div>
  );
}
